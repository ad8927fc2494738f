package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"verbatim/core/quoteset"
	"verbatim/core/shareddata"
)

func writeQDPX(t *testing.T) (*zip.Reader, []byte) {
	return writeQDPXOf(t, fixture())
}

func writeQDPXOf(t *testing.T, set quoteset.Set) (*zip.Reader, []byte) {
	t.Helper()
	var buf bytes.Buffer
	problems, err := QDPX(&buf, set, QDPXOptions{Name: "Syria & the wall", Created: time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)})
	if err != nil || len(problems) > 0 {
		t.Fatalf("QDPX: %v %v", problems, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return zr, buf.Bytes()
}

func readZip(t *testing.T, zr *zip.Reader, name string) []byte {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s not in the archive: %v", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func schemaPath(t *testing.T) string {
	return shareddata.Path(t, "schemas", "refi-qda", "Project.xsd")
}

// The project validates, with notes on quotes and without any.
func TestQDPXValidatesAgainstSchema(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils); skipping REFI-QDA schema validation")
	}
	schema := schemaPath(t)
	noNotes := fixture()
	for i := range noNotes.Quotes {
		noNotes.Quotes[i].Note = ""
	}
	for _, set := range []quoteset.Set{fixture(), noNotes} {
		zr, _ := writeQDPXOf(t, set)
		qde := filepath.Join(t.TempDir(), "project.qde")
		if err := os.WriteFile(qde, readZip(t, zr, "project.qde"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("xmllint", "--noout", "--schema", schema, qde).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "validates") {
			t.Fatalf("project.qde does not validate: %v\n%s", err, out)
		}
	}
}

// The schema must also catch a broken project, or the test above proves
// nothing.
func TestSchemaCheckCatchesBrokenProject(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils)")
	}
	schema := schemaPath(t)
	zr, _ := writeQDPX(t)
	broken := regexp.MustCompile(`startPosition="\d+"`).ReplaceAll(readZip(t, zr, "project.qde"), []byte(`startPosition="x"`))
	qde := filepath.Join(t.TempDir(), "broken.qde")
	if err := os.WriteFile(qde, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("xmllint", "--noout", "--schema", schema, qde).Run(); err == nil {
		t.Fatal("xmllint accepted a project with a non-numeric position")
	}
}

// Read the project back: every selection, applied to its source's text file
// as code points, gives back the quote, with the right codes.
func TestQDPXSelectionsPointAtTheQuotes(t *testing.T) {
	zr, _ := writeQDPX(t)
	var p struct {
		Name  string `xml:"name,attr"`
		Codes []struct {
			GUID  string `xml:"guid,attr"`
			Name  string `xml:"name,attr"`
			Color string `xml:"color,attr"`
			Codes []struct {
				GUID  string `xml:"guid,attr"`
				Name  string `xml:"name,attr"`
				Color string `xml:"color,attr"`
			} `xml:"Code"`
		} `xml:"CodeBook>Codes>Code"`
		Sources []struct {
			Name          string `xml:"name,attr"`
			PlainTextPath string `xml:"plainTextPath,attr"`
			Selections    []struct {
				Name        string `xml:"name,attr"`
				Start       int    `xml:"startPosition,attr"`
				End         int    `xml:"endPosition,attr"`
				Description string
				Codings     []struct {
					Ref struct {
						Target string `xml:"targetGUID,attr"`
					} `xml:"CodeRef"`
				} `xml:"Coding"`
				NoteRefs []struct {
					Target string `xml:"targetGUID,attr"`
				} `xml:"NoteRef"`
			} `xml:"PlainTextSelection"`
			Values []struct {
				TextValue string
				DateValue string
			} `xml:"VariableValue"`
		} `xml:"Sources>TextSource"`
		Notes []struct {
			GUID string `xml:"guid,attr"`
			Text string `xml:"PlainTextContent"`
		} `xml:"Notes>Note"`
	}
	if err := xml.Unmarshal(readZip(t, zr, "project.qde"), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "Syria & the wall" {
		t.Errorf("project name %q", p.Name)
	}
	codeName := map[string]string{}
	for _, c := range p.Codes {
		codeName[c.GUID] = c.Name
		for _, sub := range c.Codes {
			codeName[sub.GUID] = c.Name + "/" + sub.Name
			if sub.Name == "Syria withdrawal" && sub.Color != "#5C6BC0" || sub.Name == "Border wall & shutdown" && sub.Color != "" {
				t.Errorf("topic %q colour %q (invalid colours must be dropped)", sub.Name, sub.Color)
			}
		}
	}
	notes := map[string]string{}
	for _, n := range p.Notes {
		notes[n.GUID] = n.Text
	}
	specs := map[string]quoteSpec{}
	for _, s := range fixtureSpecs() {
		specs[s.quote] = s
	}
	seen := 0
	for _, src := range p.Sources {
		path := "Sources/" + strings.TrimPrefix(src.PlainTextPath, "internal://")
		runes := []rune(string(readZip(t, zr, path)))
		for _, sel := range src.Selections {
			text := string(runes[sel.Start:sel.End])
			s, ok := specs[text]
			if !ok {
				t.Errorf("%s: selection %d–%d reads %q, which is no quote", src.Name, sel.Start, sel.End, text)
				continue
			}
			seen++
			var codes []string
			for _, c := range sel.Codings {
				codes = append(codes, codeName[c.Ref.Target])
			}
			want := []string{"Quotation"}
			if s.speaker != "" {
				want = append(want, "Speakers/"+s.speaker)
			}
			for _, tp := range s.topics {
				want = append(want, "Topics/"+tp)
			}
			if strings.Join(codes, ",") != strings.Join(want, ",") {
				t.Errorf("%q coded %v, want %v", text, codes, want)
			}
			if s.note != "" && (len(sel.NoteRefs) != 1 || notes[sel.NoteRefs[0].Target] != s.note) {
				t.Errorf("%q: note not linked (refs %v)", text, sel.NoteRefs)
			}
			if !strings.Contains(sel.Description, "confidence") {
				t.Errorf("%q: description %q", text, sel.Description)
			}
			if nq := "probably a " + string(s.nonQuote); s.nonQuote != "" && !strings.Contains(sel.Description, nq) ||
				s.nonQuote == "" && strings.Contains(sel.Description, "probably") {
				t.Errorf("%q: description %q, what the engine took it for: %q", text, sel.Description, s.nonQuote)
			}
		}
	}
	if seen != len(specs) {
		t.Errorf("found %d of %d quotes as selections", seen, len(specs))
	}
	if v := p.Sources[0].Values; len(v) != 2 || v[0].TextValue != "ТАСС" || v[1].DateValue != "2019-10-08" {
		t.Errorf("Russian source variables %+v", v)
	}
	if v := p.Sources[1].Values; len(v) != 1 {
		t.Errorf("a date that is not YYYY-MM-DD must not become a date value: %+v", v)
	}
}

func TestQDPXIsReproducible(t *testing.T) {
	_, a := writeQDPX(t)
	_, b := writeQDPX(t)
	if !bytes.Equal(a, b) {
		t.Error("the same set exported twice gave different archives")
	}
	if g := guid("quote", "q1"); !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(g) {
		t.Errorf("guid %q is not a version-5 UUID", g)
	}
}
