package assets

import _ "embed"

// SampleName is the file name of the bundled sample article.
const SampleName = "wikinews-syria-troop-withdrawal.html"

// SampleArticle is a Wikinews article (CC BY 2.5, see
// sample/ATTRIBUTION.md) that first-time users can import to try Verbatim.
//
//go:embed sample/wikinews-syria-troop-withdrawal.html
var SampleArticle []byte
