package main

import (
	"errors"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// TestBuildsOnEveryDesktop: the app is built for Windows and macOS too,
// where package syscall lacks much of what Linux has. Every syscall name
// the files built for a platform use must exist there, in the app, the
// measuring program beside it (go build ./... builds both) and the
// packages of theirs that call the system: ui and core/cputime.
func TestBuildsOnEveryDesktop(t *testing.T) {
	if testing.Short() {
		t.Skip("reads package syscall's source for each platform")
	}
	for _, goos := range []string{"windows", "darwin", "linux"} {
		t.Run(goos, func(t *testing.T) {
			ctx := build.Default
			ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = goos, "amd64", true
			var files []string
			for _, dir := range []string{".", filepath.Join("..", "..", "scripts", "fyne-hello"),
				filepath.Join("..", "..", "core", "cputime"), filepath.Join("..", "..", "ui")} {
				pkg, err := ctx.ImportDir(dir, 0)
				var none *build.NoGoError
				if errors.As(err, &none) {
					continue // not built there
				} else if err != nil {
					t.Fatal(err)
				}
				for _, name := range pkg.GoFiles {
					files = append(files, filepath.Join(pkg.Dir, name))
				}
			}
			saved := build.Default
			build.Default = ctx // the source importer reads syscall for goos
			defer func() { build.Default = saved }()
			fset := token.NewFileSet()
			sys, err := importer.ForCompiler(fset, "source", nil).Import("syscall")
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range files {
				f, err := parser.ParseFile(fset, name, nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				ast.Inspect(f, func(n ast.Node) bool {
					sel, ok := n.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					if id, isIdent := sel.X.(*ast.Ident); isIdent && id.Name == "syscall" {
						if sys.Scope().Lookup(sel.Sel.Name) == nil {
							t.Errorf("%s: syscall.%s does not exist on %s", fset.Position(sel.Pos()), sel.Sel.Name, goos)
						}
					}
					return true
				})
			}
		})
	}
}
