package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"verbatim/core/topics"
	"verbatim/storage"
)

// The keyword rules dialog's choices for how many terms a quote needs.
const (
	matchAny = "Any of them"
	matchAll = "All of them"
)

// rulesDialog edits a topic's keyword rules; kept for tests.
type rulesDialog struct {
	terms *widget.Entry
	match *widget.RadioGroup
	dlg   dialog.Dialog
}

// keywordRulesDialog edits the words and phrases that put quotes into topic
// t: the quotes of the library now, and those of later imports. The dialog
// edits one rule; more rules (made on the command line) are kept as they are.
func (m *MainWindow) keywordRulesDialog(t storage.Topic) {
	if m.lib == nil {
		return
	}
	var first topics.Rule
	var others []topics.Rule
	if len(t.Rules) > 0 {
		first, others = t.Rules[0], t.Rules[1:]
	}
	d := &rulesDialog{terms: widget.NewMultiLineEntry(), match: widget.NewRadioGroup([]string{matchAny, matchAll}, nil)}
	d.terms.SetPlaceHolder("sanctions\ntrade ban, embargo")
	d.terms.Wrapping = fyne.TextWrapWord
	d.terms.SetMinRowsVisible(4)
	d.terms.SetText(strings.Join(first.Terms, "\n"))
	d.match.Horizontal, d.match.Required = true, true
	d.match.SetSelected(matchAny)
	if first.All {
		d.match.SetSelected(matchAll)
	}
	parts := []fyne.CanvasObject{
		wrapped(fmt.Sprintf("Quotes that contain these words or phrases go into “%s”: the quotes in your library now, "+
			"and those of articles you import later. A quote you took out of the topic stays out.", t.Name)),
		widget.NewLabelWithStyle("Words or phrases", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.terms,
		captionLabel("One per line, or separated by commas. Whole words only; capitals do not matter. Leave it empty to stop the rule."),
		container.NewHBox(widget.NewLabel("A quote needs"), d.match),
	}
	if len(others) > 0 {
		parts = append(parts, captionLabel(fmt.Sprintf("This topic has %s more, set on the command line; they stay as they are.",
			plural(len(others), "rule", "rules"))))
	}
	d.dlg = dialog.NewCustomConfirm("Keyword rules · "+t.Name, "Apply", "Cancel", container.NewVBox(parts...), func(ok bool) {
		if ok {
			m.setKeywordRules(t, topics.Rule{Terms: splitTerms(d.terms.Text), All: d.match.Selected == matchAll}, others)
		}
	}, m.Window)
	d.dlg.Resize(fyne.NewSize(520, 10))
	m.rulesDlg = d
	d.dlg.Show()
	m.Window.Canvas().Focus(d.terms)
}

// setKeywordRules gives topic t the rule (none when it has no terms) and
// the others, applies them, and says how many quotes they put in the topic.
func (m *MainWindow) setKeywordRules(t storage.Topic, rule topics.Rule, others []topics.Rule) {
	var rules []topics.Rule
	if len(rule.Terms) > 0 {
		rules = append(rules, rule)
	}
	rules = append(rules, others...)
	if _, ok := m.do(storage.SetTopicRules{TopicID: t.ID, Rules: rules}); !ok {
		return
	}
	if len(rules) == 0 {
		m.updateStatus(fmt.Sprintf("“%s” has no keyword rules now", t.Name))
		return
	}
	n, err := ruleMatches(context.Background(), m.lib, t.ID)
	if err != nil {
		m.ShowError(err)
		return
	}
	m.updateStatus(fmt.Sprintf("Keyword rules of “%s”: %s", t.Name, plural(n, "quote matches", "quotes match")))
}

// splitTerms reads the terms typed, one per line or separated by commas.
func splitTerms(text string) []string {
	var terms []string
	for _, line := range strings.Split(text, "\n") {
		for _, term := range strings.Split(line, ",") {
			if term = strings.Join(strings.Fields(term), " "); term != "" {
				terms = append(terms, term)
			}
		}
	}
	return terms
}

// ruleMatchPage is how many of a topic's quotes ruleMatches reads at once.
const ruleMatchPage = 500

// ruleMatches counts the quotes a topic holds through its keyword rules.
func ruleMatches(ctx context.Context, src QuoteSource, topicID int64) (int, error) {
	n := 0
	f := storage.QuoteFilter{TopicID: topicID}
	for offset := 0; ; offset += ruleMatchPage {
		rows, err := src.Quotes(ctx, f, storage.SortDocumentOrder, offset, ruleMatchPage)
		if err != nil {
			return n, err
		}
		for _, r := range rows {
			for _, c := range r.Topics {
				if c.TopicID == topicID && c.LinkOrigin == storage.LinkRule {
					n++
				}
			}
		}
		if len(rows) < ruleMatchPage {
			return n, nil
		}
	}
}

// chipReason says why a quote carries a topic, for the researcher.
func chipReason(c storage.TopicChip) string {
	switch c.LinkOrigin {
	case storage.LinkUser:
		return "assigned by you"
	case storage.LinkSuggested:
		// Once the researcher accepted the topic it is no longer a
		// suggestion; Verbatim still found this quote for it.
		how := "suggested"
		if c.TopicOrigin == storage.TopicUser {
			how = "found by Verbatim"
		}
		if c.Reason != "" {
			return how + ": " + c.Reason
		}
		if how == "suggested" {
			return "suggested by Verbatim"
		}
		return how
	}
	if c.Reason != "" {
		return c.Reason
	}
	return "keyword rule"
}
