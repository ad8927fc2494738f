module verbatim

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	codeberg.org/readeck/go-readability/v2 v2.1.3 // indirect
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	golang.org/x/image v0.40.0 // indirect
	golang.org/x/net v0.41.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
