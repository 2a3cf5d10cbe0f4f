package serve

import (
	"strconv"

	"hadir/model"
)

// maxLogField is how much of a name or command one log line shows.
const maxLogField = 64

// logText is text from a stranger as the serve log writes it: cleaned, cut
// at maxLogField characters and quoted, so no name can forge a line.
func logText(s string) string {
	c, cut := model.CleanText(s, maxLogField)
	if cut {
		c += "…"
	}
	return strconv.Quote(c)
}
