package attrib

// Features of a candidate speaker mention, for the news speaker ranker
// (rank.go). Every feature is binary; a candidate carries the ids of the
// features it has. Base features describe the mention, where it stands
// relative to the quote and its neighbours (cues, prepositions); crossed
// features pair the candidate's location with another feature, so that a
// linear model can learn that a cue after the mention counts for a
// mention after the quote and not for one in the previous paragraph.

// feature is the id of one binary feature.
type feature uint16

// Locations, mutually exclusive: where a candidate stands relative to the
// quote.
const (
	locBefore    feature = iota // the quote's sentence, before it
	locAfter                    // the quote's sentence, after it
	locGap                      // between the pieces of an interrupted quote
	locPrevSent                 // the sentence before, same paragraph
	locEarlier                  // further back in the same paragraph
	locPrevPara                 // an earlier paragraph
	locNext                     // a later sentence
	locPrevQuote                // the previous quote's speaker mention, out of reach of the window
	numLocations
)

// Other base features, numbered after the locations.
const (
	fName          = numLocations + iota // a name
	fPronoun                             // he, she, they, er, sie
	fNominal                             // "the mayor", "a source"
	fPossessive                          // Trump’s
	fOrganisation                        // The New York Post
	fTitled                              // Sen., Präsident
	fGivenName                           // starts with a known given name
	fSpeakerNoun                         // its head is a speaker noun (spokesman, Sprecher)
	fMultiWord                           // two words or more
	fCueRight                            // a cue follows: Putin said
	fCueLeft                             // a cue precedes: said Putin, sagte der Minister
	fPhraseLeft                          // according to Putin, laut Reuters
	fColonRight                          // Putin: “…”
	fDashLeft                            // “…” — Putin
	fCueNear                             // a cue within four tokens
	fCueInSentence                       // a cue anywhere in its sentence
	fSentInitial                         // opens its sentence
	fFirstInSent                         // the first candidate of its sentence
	fAfterPrep                           // after a preposition: in Chicago
	fAfterThat                           // after "that", "dass": said that Trump
	fOblique                             // a German non-nominative determiner: den Worten
	fNearest                             // the nearest candidate on its side of the quote
	fSecond                              // the second nearest
	fDist2                               // at most 2 tokens from the quote
	fDist5                               // 3 to 5 tokens
	fDist10                              // 6 to 10 tokens
	fDist20                              // 11 to 20 tokens
	fDistFar                             // more than 20 tokens
	fSameAsPrev                          // names the previous quote's speaker
	fRuleAny                             // the rule patterns picked it
	fQOpensPara                          // the quote opens its paragraph
	fQMixed                              // narration before the quote in its sentence
	fQNarrAfter                          // narration after the quote in its sentence
	fQInterrupted                        // the quote is interrupted by narration
	fAfterBy                             // after the agent preposition of a passive: called X by Trump
	fOtherQuoteTag                       // the tag of another quote: “…“, sagte die Kanzlerin
	fNearerCued                          // a candidate nearer the quote on its side stands by a cue
	fClauseBetween                       // a new clause (“, and”, “;”) between it and the quote
	fRuleFirst                           // first of the per-rule features (ruleNames order)
)

// ruleNames lists the rules of patterns.go in a fixed order, for the
// per-rule features ("this candidate is what rule X picked").
var ruleNames = [...]string{RuleSpeakerCue, RuleCueSpeaker, RuleInterrupted, RuleBefore, RuleAccordingTo, RuleSentence,
	RuleColonParagraph, RuleNameColon, RuleDash, RuleParagraphSubject}

// crossed lists the base features that are also paired with each location.
var crossed = [...]feature{fName, fPronoun, fNominal, fPossessive, fCueRight, fCueLeft, fPhraseLeft, fSentInitial,
	fFirstInSent, fAfterPrep, fAfterThat, fNearest, fRuleAny, fQOpensPara, fQMixed, fQNarrAfter, fSameAsPrev, fAfterBy,
	fOtherQuoteTag, fNearerCued, fClauseBetween}

const (
	numBase     = fRuleFirst + feature(len(ruleNames))
	numFeatures = numBase + numLocations*feature(len(crossed))
)

// cross is the id of base feature crossed[k] at location loc.
func cross(loc feature, k int) feature {
	return numBase + loc*feature(len(crossed)) + feature(k)
}

var locationNames = [numLocations]string{"before", "after", "gap", "prev-sentence", "earlier", "prev-paragraph", "next", "prev-quote"}

var baseNames = [...]string{"name", "pronoun", "nominal", "possessive", "organisation", "titled", "given-name",
	"speaker-noun", "multi-word", "cue-right", "cue-left", "phrase-left", "colon-right", "dash-left", "cue-near",
	"cue-in-sentence", "sentence-initial", "first-in-sentence", "after-preposition", "after-that", "oblique",
	"nearest", "second", "dist-2", "dist-5", "dist-10", "dist-20", "dist-far", "same-as-previous", "rule-any",
	"quote-opens-paragraph", "quote-mixed", "quote-narration-after", "quote-interrupted", "after-by",
	"other-quote-tag", "nearer-cued", "clause-between"}

// FeatureNames lists the ranker's features by id, as the weights file
// names them.
func FeatureNames() []string {
	names := make([]string, 0, numFeatures)
	for _, n := range locationNames {
		names = append(names, "at:"+n)
	}
	names = append(names, baseNames[:]...)
	for _, r := range ruleNames {
		names = append(names, "rule:"+r)
	}
	for _, loc := range locationNames {
		for _, f := range crossed {
			names = append(names, "at:"+loc+"&"+names[f])
		}
	}
	return names
}
