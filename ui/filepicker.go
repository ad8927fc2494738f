package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// filePicker picks several files and folders at once, which Fyne's own
// file dialog cannot: tick what to import, open a folder by tapping it.
type filePicker struct {
	m       *MainWindow
	dir     string
	entries []os.DirEntry
	checked map[string]bool
	list    *widget.List
	where   *widget.Label
	open    *widget.Button
	dlg     *dialog.CustomDialog
	onOpen  func(paths []string)
}

func newFilePicker(m *MainWindow, dir string, onOpen func([]string)) *filePicker {
	p := &filePicker{m: m, checked: map[string]bool{}, onOpen: onOpen}
	p.where = widget.NewLabel("")
	p.where.Truncation = fyne.TextTruncateEllipsis
	p.list = widget.NewList(func() int { return len(p.entries) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		p.activate(i)
	}
	p.open = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), p.submit)
	p.open.Importance = widget.HighImportance
	p.cd(dir)
	return p
}

func (p *filePicker) show() {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.cd(filepath.Dir(p.dir)) })
	home := widget.NewButtonWithIcon("", theme.HomeIcon(), func() {
		if h, err := os.UserHomeDir(); err == nil {
			p.cd(h)
		}
	})
	all := widget.NewButton("Select all files", func() {
		for _, e := range p.entries {
			if !e.IsDir() {
				p.checked[filepath.Join(p.dir, e.Name())] = true
			}
		}
		p.changed()
	})
	top := container.NewBorder(nil, nil, container.NewHBox(up, home), all, p.where)
	hint := captionLabel("Tick the articles (or whole folders) to import; tap a folder's name to open it.")
	body := container.NewBorder(container.NewVBox(top, hint), nil, nil, nil, p.list)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { p.dlg.Hide() })
	p.dlg = dialog.NewCustomWithoutButtons("Open articles", body, p.m.Window)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.open})
	p.dlg.Resize(fyne.NewSize(720, 540))
	p.dlg.Show()
}

// cd shows the contents of dir: folders first, hidden files left out.
func (p *filePicker) cd(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.m.ShowError(err)
		return
	}
	p.dir = dir
	p.entries = p.entries[:0]
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			p.entries = append(p.entries, e)
		}
	}
	sort.SliceStable(p.entries, func(a, b int) bool { return p.entries[a].IsDir() && !p.entries[b].IsDir() })
	p.where.SetText(dir)
	p.list.Refresh()
	p.list.ScrollToTop()
	p.changed()
}

// activate opens a folder, or ticks a file.
func (p *filePicker) activate(i int) {
	e := p.entries[i]
	path := filepath.Join(p.dir, e.Name())
	if e.IsDir() {
		p.cd(path)
		return
	}
	p.checked[path] = !p.checked[path]
	p.changed()
}

func (p *filePicker) changed() {
	n := 0
	for _, on := range p.checked {
		if on {
			n++
		}
	}
	p.open.SetText("Import")
	if n > 0 {
		p.open.SetText("Import " + plural(n, "item", "items"))
	}
	setEnabled(p.open, n > 0)
	p.list.Refresh()
}

// selected are the ticked paths, in order.
func (p *filePicker) selected() []string {
	var out []string
	for path, on := range p.checked {
		if on {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	return out
}

func (p *filePicker) submit() {
	paths := p.selected()
	if len(paths) == 0 {
		return
	}
	p.dlg.Hide()
	p.m.saveSetting(settingFolder, p.dir)
	p.onOpen(paths)
}

func (p *filePicker) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	return container.NewBorder(nil, nil, container.NewHBox(check, widget.NewIcon(theme.FileIcon())), nil,
		widget.NewLabel(""))
}

func (p *filePicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := p.entries[i]
	path := filepath.Join(p.dir, e.Name())
	row := o.(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	check, icon := left.Objects[0].(*widget.Check), left.Objects[1].(*widget.Icon)
	check.OnChanged = nil
	check.SetChecked(p.checked[path])
	check.OnChanged = func(on bool) {
		p.checked[path] = on
		p.changed()
	}
	name := row.Objects[0].(*widget.Label)
	if e.IsDir() {
		icon.SetResource(theme.FolderIcon())
		name.SetText(e.Name() + string(filepath.Separator))
	} else {
		icon.SetResource(theme.FileTextIcon())
		name.SetText(e.Name())
	}
}
