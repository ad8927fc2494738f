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

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
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
// after timeout, and stops early when ctx is cancelled.
func (e *Engine) Extract(ctx context.Context, data []byte, timeout time.Duration) (*Document, error) {
	if err := e.Start(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	instance, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, contextError(ctx, err)
	}
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
		page, err := p.GetPageTextStructured(&requests.GetPageTextStructured{
			Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: opened.Document, Index: i}},
			Mode:                   requests.GetPageTextStructuredModeRects,
			CollectFontInformation: true,
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			doc.Pages = append(doc.Pages, Page{}) // an unreadable page costs only itself
			continue
		}
		var runs []Run
		for _, r := range page.Rects {
			run := Run{Text: r.Text, Left: r.PointPosition.Left, Right: r.PointPosition.Right,
				Top: r.PointPosition.Top, Bottom: r.PointPosition.Bottom}
			if r.FontInformation != nil {
				run.Size = r.FontInformation.Size
			}
			runs = append(runs, run)
		}
		doc.Pages = append(doc.Pages, Page{Runs: runs})
	}
	return doc, nil
}
