// Package pdftext extracts the text of PDF files in reading order, with
// paragraphs, using PDFium compiled to WebAssembly (go-pdfium on wazero: no
// cgo, Unicode intact). Layout turns PDFium's positioned text runs into
// clean paragraphs: lines joined, words hyphenated at line ends rejoined,
// repeated page headers and footers dropped.
//
// Starting PDFium compiles its WebAssembly module, which takes seconds; an
// Engine does that once, on first use or when Start is called, and then
// reuses a small pool of PDFium instances.
package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Errors Extract returns for files it cannot read.
var (
	ErrPassword = errors.New("pdf is password-protected")
	ErrDamaged  = errors.New("pdf is damaged")
	ErrTimeout  = errors.New("pdf took too long to read")
	ErrStart    = errors.New("pdf reader could not start")
)

// Config sets up an Engine.
type Config struct {
	// Workers is how many PDFs may be read at once; 0 means 1.
	Workers int
	// CacheDir, when set, keeps the compiled WebAssembly module on disk so
	// that later start-ups take milliseconds instead of seconds.
	CacheDir string
	// MemoryLimit bounds the memory of one PDFium instance in bytes; 0
	// means 1 GiB.
	MemoryLimit int64
}

// Engine reads PDFs with a lazily started pool of PDFium instances. It is
// safe for concurrent use.
type Engine struct {
	cfg  Config
	once sync.Once
	pool pdfium.Pool
	err  error
}

// NewEngine returns an engine that starts on first use.
func NewEngine(cfg Config) *Engine {
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.MemoryLimit <= 0 {
		cfg.MemoryLimit = 1 << 30
	}
	return &Engine{cfg: cfg}
}

// Start compiles PDFium, once; later calls return the first result. Call
// it in the background to keep the cost off a user's first PDF.
func (e *Engine) Start() error {
	e.once.Do(func() {
		const wasmPage = 64 << 10
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithCloseOnContextDone(true).
			WithMemoryLimitPages(uint32(e.cfg.MemoryLimit / wasmPage))
		if e.cfg.CacheDir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(e.cfg.CacheDir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		e.pool, e.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       e.cfg.Workers,
			MaxTotal:      e.cfg.Workers,
			ReuseWorkers:  true,
			RuntimeConfig: rc,
			FSConfig:      wazero.NewFSConfig(), // PDFium sees no files: data is passed in memory
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
		if e.err != nil {
			e.err = fmt.Errorf("%w: %v", ErrStart, e.err)
		}
	})
	return e.err
}

// Close releases the PDFium instances.
func (e *Engine) Close() error {
	if e.pool == nil {
		return nil
	}
	return e.pool.Close()
}

// Document is what a PDF yields before layout.
type Document struct {
	Title string // from the document information dictionary
	Pages []Page
}

// Page holds the text runs of one page in PDFium's reading order.
type Page struct {
	Runs []Run
}

// Run is a piece of text on one line in one font. Coordinates are PDF
// points with y growing upwards.
type Run struct {
	Text                     string
	Left, Right, Top, Bottom float64
	Size                     float64 // font size in points
}

// Extract reads the text runs of every page. It gives up with ErrTimeout
// when reading takes longer than timeout (waiting for a free PDFium
// instance not included), and stops early when ctx is cancelled.
func (e *Engine) Extract(ctx context.Context, data []byte, timeout time.Duration) (*Document, error) {
	if err := e.Start(); err != nil {
		return nil, err
	}
	// Waiting for a free instance does not count against the time limit.
	instance, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, contextError(ctx, err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := extract(ctx, instance, data)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		instance.Close()
		if r.err != nil && ctx.Err() != nil {
			// The reader stopped because time ran out, and said so first.
			return nil, contextError(ctx, r.err)
		}
		return r.doc, r.err
	case <-ctx.Done():
		// Kill interrupts PDFium mid-call; the pool makes a fresh instance.
		instance.Kill()
		<-done
		return nil, contextError(ctx, ctx.Err())
	}
}

func contextError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

func extract(ctx context.Context, p pdfium.Pdfium, data []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	opened, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || errors.Is(err, pdfiumerrors.ErrSecurity) {
			return nil, ErrPassword
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: opened.Document})
	count, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: opened.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	doc = &Document{}
	if title, err := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: opened.Document, Tag: "Title"}); err == nil {
		doc.Title = strings.TrimSpace(title.Value)
	}
	for i := 0; i < count.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		runs, err := pageRuns(p, opened.Document, i)
		if err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		doc.Pages = append(doc.Pages, Page{Runs: runs}) // an unreadable page costs only itself
	}
	return doc, nil
}

// pageRuns reads a page's text in PDFium's reading order, one run per line,
// with the line's box from its first and last characters. It makes a few
// calls per line rather than per character: each call into the WebAssembly
// module has a fixed cost.
func pageRuns(p pdfium.Pdfium, document references.FPDF_DOCUMENT, index int) ([]Run, error) {
	page, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: document, Index: index})
	if err != nil {
		return nil, err
	}
	defer p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	textPage, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return nil, err
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: textPage.TextPage})
	count, err := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: textPage.TextPage})
	if err != nil || count.Count <= 0 {
		return nil, err
	}
	text, err := p.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: textPage.TextPage, StartIndex: 0, Count: count.Count})
	if err != nil {
		return nil, err
	}
	chars := []rune(text.Text) // one rune per PDFium character, generated line breaks included
	var runs []Run
	for start := 0; start < len(chars); {
		end, next := lineEnd(chars, start)
		if run, ok := lineRun(p, textPage.TextPage, chars, start, end); ok {
			runs = append(runs, run)
		}
		start = next
	}
	return runs, nil
}

// lineEnd finds the end of the line starting at start and where the next
// begins. PDFium ends a line with "\r\n", or, for a word hyphenated at the
// line end, with U+FFFE and no break: that mark stays with its line.
func lineEnd(chars []rune, start int) (end, next int) {
	for end = start; end < len(chars); end++ {
		switch chars[end] {
		case '\r', '\n':
			return end, end + 1
		case '\uFFFE':
			return end + 1, end + 1
		}
	}
	return end, end
}

func lineRun(p pdfium.Pdfium, tp references.FPDF_TEXTPAGE, chars []rune, start, end int) (Run, bool) {
	first, last := start, end-1
	for first <= last && unicode.IsSpace(chars[first]) {
		first++
	}
	for last >= first && unicode.IsSpace(chars[last]) {
		last--
	}
	if first > last {
		return Run{}, false
	}
	run := Run{Text: string(chars[start:end])}
	a, errA := p.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp, Index: first})
	b, errB := p.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp, Index: last})
	if errA == nil && errB == nil {
		run.Left, run.Right = min(a.Left, b.Left), max(a.Right, b.Right)
		run.Top, run.Bottom = max(a.Top, b.Top), min(a.Bottom, b.Bottom)
	}
	if size, err := p.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp, Index: first}); err == nil {
		run.Size = size.FontSize
	}
	return run, true
}
