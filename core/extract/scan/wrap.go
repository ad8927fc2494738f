package scan

import "strings"

// IsWrapped reports whether text is hard-wrapped: most lines are followed by
// another non-blank line and almost none is long, as in Project Gutenberg
// books. In such text a single line break is a space and only blank lines
// separate paragraphs; elsewhere every line break ends a paragraph.
func IsWrapped(text string) bool {
	nonBlank, long, joined := 0, 0, 0
	prevNonBlank := false
	for start := 0; start <= len(text); {
		end := len(text)
		if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
			end = start + nl
		}
		blank := true
		for k := start; k < end; k++ {
			if !isSpaceByte(text[k]) {
				blank = false
				break
			}
		}
		if !blank {
			nonBlank++
			if end-start > 100 {
				long++
			}
			if prevNonBlank {
				joined++
			}
		}
		prevNonBlank = !blank
		start = end + 1
	}
	return nonBlank >= 10 && long*50 < nonBlank && joined*3 > nonBlank
}
