// Package ui is Verbatim's desktop interface, built with Fyne. It never
// imports fyne.io/fyne/v2/app: cmd/verbatim wires the real application, and
// tests drive the same code headless with fyne.io/fyne/v2/test.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/assets"
)

// WindowTitle is the main window's title; the CI smoke test looks for it.
const WindowTitle = "Verbatim"

// Icon is the application icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.IconPNG) }

// MainWindow is Verbatim's one window: sidebar, quote list and source pane.
type MainWindow struct {
	Window fyne.Window

	sidebar *widget.Tree
	quotes  *widget.List
	source  fyne.CanvasObject
}

// NewMainWindow builds the main window in a, without showing it.
func NewMainWindow(a fyne.App) *MainWindow {
	w := a.NewWindow(WindowTitle)
	w.SetIcon(Icon())
	m := &MainWindow{Window: w}
	m.sidebar = newSidebar()
	m.quotes = newQuoteList()
	m.source = newEmptyState()

	split := container.NewHSplit(m.sidebar, container.NewHSplit(
		container.NewBorder(listHeader(), nil, nil, nil, m.quotes), m.source))
	split.SetOffset(0.19)
	if inner, ok := split.Trailing.(*container.Split); ok {
		inner.SetOffset(0.43)
	}
	w.SetContent(split)
	w.SetMainMenu(m.mainMenu(a))
	w.Canvas().AddShortcut(quitShortcut(), func(fyne.Shortcut) { a.Quit() })
	w.Resize(fyne.NewSize(1280, 800))
	return m
}

func (m *MainWindow) mainMenu(a fyne.App) *fyne.MainMenu {
	quit := fyne.NewMenuItem("Quit", a.Quit)
	quit.IsQuit = true
	quit.Shortcut = quitShortcut()
	return fyne.NewMainMenu(
		fyne.NewMenu("File", quit),
		fyne.NewMenu("Help", fyne.NewMenuItem("About Verbatim", m.showAbout)),
	)
}

// quitShortcut is Ctrl+Q (Cmd+Q on macOS).
func quitShortcut() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
}

func listHeader() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("All quotes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewHBox(title)
}

func newQuoteList() *widget.List {
	return widget.NewList(
		func() int { return 0 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(widget.ListItemID, fyne.CanvasObject) {},
	)
}

// sidebarBranches are the sidebar's fixed sections and their first entries.
func sidebarBranches() map[widget.TreeNodeID][]widget.TreeNodeID {
	return map[widget.TreeNodeID][]widget.TreeNodeID{
		"":          {"Topics", "Speakers", "Documents"},
		"Topics":    {"All quotes", "Needs review", "Rejected"},
		"Speakers":  {},
		"Documents": {},
	}
}

func newSidebar() *widget.Tree {
	sidebarBranches := sidebarBranches()
	t := widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return sidebarBranches[id] },
		func(id widget.TreeNodeID) bool { _, ok := sidebarBranches[id]; return ok },
		func(bool) fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*widget.Label).SetText(id) },
	)
	t.OpenAllBranches()
	return t
}

func newEmptyState() fyne.CanvasObject {
	icon := widget.NewIcon(theme.UploadIcon())
	title := widget.NewLabelWithStyle("Drop news articles here", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	formats := widget.NewLabelWithStyle("Web pages, PDF, Word, RTF, text and news-database exports",
		fyne.TextAlignCenter, fyne.TextStyle{})
	return container.NewCenter(container.NewVBox(
		container.NewGridWrap(fyne.NewSize(64, 64), icon), title, formats))
}
