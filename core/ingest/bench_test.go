package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"verbatim/core/cputime"
)

// BenchmarkImportMixed imports 1,000 files of every format (a tenth of them
// PDFs) as one batch and reports files per second and the peak heap.
// The PDF reader is started before the timer.
func BenchmarkImportMixed(b *testing.B) {
	if err := StartPDF(); err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	paras := paragraphsOf(readFixture(b, "wikinews/covid-name-typographic.txt"))
	samples := map[string][]byte{
		".txt":        []byte(strings.Join(paras, "\n\n")),
		".html":       buildHTML("Title", paras),
		".docx":       buildDOCX(b, "Title", paras),
		".odt":        buildODT(b, "Title", paras),
		".epub":       buildEPUB(b, "Title", paras),
		".rtf":        buildRTF("Title", paras),
		".pdf":        []byte(readFixture(b, "made-with-libreoffice/covid.pdf")),
		".nexis.docx": []byte(readFixture(b, "made-with-libreoffice/nexis.docx")),
	}
	exts := []string{".txt", ".html", ".docx", ".odt", ".epub", ".rtf", ".pdf", ".nexis.docx", ".txt", ".html"}
	const files = 1000
	for i := range files {
		ext := exts[i%len(exts)]
		dir := filepath.Join(root, fmt.Sprintf("folder%02d", i%20))
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article%04d%s", i, ext)), samples[ext], 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		peak := watchPeakHeap()
		start, cpuStart := time.Now(), cputime.Process()
		docs, failed := 0, 0
		err := Import(context.Background(), []string{root}, BatchOptions{}, func(r Result) {
			docs += len(r.Documents)
			if r.Err != nil {
				failed++
			}
		})
		if err != nil || failed > 0 {
			b.Fatalf("err %v, %d files failed", err, failed)
		}
		b.ReportMetric(files/time.Since(start).Seconds(), "files/s")
		// CPU time per file does not depend on how busy the machine is.
		b.ReportMetric(float64((cputime.Process()-cpuStart).Microseconds())/1000/files, "cpu-ms/file")
		b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(docs), "docs")
	}
}

// watchPeakHeap samples the live heap every few milliseconds until the
// returned function is called, which reports the largest sample.
func watchPeakHeap() func() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	stop, result := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(stop); return <-result }
}

// BenchmarkPDFPage measures the cost of one PDF page once the reader runs.
func BenchmarkPDFPage(b *testing.B) {
	data := []byte(readFixture(b, "made-with-libreoffice/covid.pdf"))
	if err := StartPDF(); err != nil {
		b.Fatal(err)
	}
	pages := 0
	for b.Loop() {
		doc, err := pdfEngine().Extract(context.Background(), data, time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(pages), "ms/page")
}

// BenchmarkPDFStart measures compiling PDFium without the disk cache.
func BenchmarkPDFStart(b *testing.B) {
	for b.Loop() {
		e := newTestEngine()
		if err := e.Start(); err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}
