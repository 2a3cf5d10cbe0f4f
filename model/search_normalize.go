package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a query meets a name: normalisation, query parsing and word scores.
//
// Index and query go through the same normalisation rules,
// so a spelling variant on either side meets the other half-way:
//
//   - case, accents and punctuation are ignored; an apostrophe joins
//     ("Ma'ruf" = "maruf"), anything else separates ("S.Pd." = "s pd");
//   - old and regional spellings: oe, oo → u; dj → j; tj → c; ch, kh → h;
//     dh → d; th → t; y → j (old j, new y: "Tjahjono" = "Cahyono");
//     doubled letters collapse ("Sitti" = "Siti", "Hajjah" = "Hajah");
//   - the Muhammad family (Muhammad, Muhamad, Mochammad, Moch., Moh., Muh.,
//     Mhd., M., ...) becomes one token; haji → h, hajjah → hj, abd → abdul;
//   - leading honorifics (H., Hj., Dr., ...) and trailing degrees (S.Pd., ...)
//     are kept as words but flagged, so they count for nothing in ranking.

// canonMuhammad is the one token every Muhammad spelling becomes.
const canonMuhammad = "muhammad"

// nameWord is one word of a name as the index sees it.
type nameWord struct {
	norm  string // spelling rules and synonyms applied
	fold  string // lower-case letters and digits as written
	title bool   // honorific or degree: indexed, never needed
}

// muhammadRaw are spellings as written (lower-case, no punctuation).
var muhammadRaw = strings.Fields(`muhammad muhamad muhammmad mohammad mohamad mochammad
	mochamad muchammad muchamad mukhammad mukhamad moehammad moehamad mohammed mohamed
	muhammed muhamed muhamat mohamat moch moh muh mhd mohd muhd mochd md m`)

var (
	muhammadNorm  = map[string]bool{} // spelled forms of muhammadRaw
	muhammadSpelt []string            // same, for prefix tests while typing
)

func init() {
	for _, w := range muhammadRaw {
		s := spell(w)
		if !muhammadNorm[s] {
			muhammadNorm[s] = true
			muhammadSpelt = append(muhammadSpelt, s)
		}
	}
}

// Honorifics before a name, and degrees after it (folded, split at dots).
var (
	leadTitles = setOf(`h hj haji hajjah hajah dr drs dra ir prof kh ust ustad ustadz
		ustadzah ustazah`)
	trailTitles = setOf(`s pd sos kom ag si sh se st sp ip ikom psi hum kes kep ked skm
		ns amd md mm mpd msi mh mkes mag ma ba sc i h t a m e`)
	synonyms = map[string]string{"haji": "h", "hajah": "hj", "abd": "abdul"}
)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// latinFold maps accented letters seen in rosters to ASCII.
var latinFold = map[rune]byte{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i',
	'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}

// foldWords lower-cases s and splits it into words of letters and digits.
func foldWords(s string) []string {
	var words []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case r >= 'A' && r <= 'Z':
			cur = append(cur, byte(r-'A'+'a'))
		case r == '\'' || r == '`' || r == '’' || r == '‘' || r == 'ʼ':
			// Ma'ruf, Nu'man: the apostrophe is inside the word
		case r < utf8.RuneSelf:
			flush()
		default:
			r = unicode.ToLower(r)
			if a, ok := latinFold[r]; ok {
				cur = append(cur, a)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				cur = utf8.AppendRune(cur, r)
			} else {
				flush()
			}
		}
	}
	flush()
	return words
}

// spell applies the spelling rules to a folded word.
func spell(f string) string {
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		c := f[i]
		var n byte
		if i+1 < len(f) {
			n = f[i+1]
		}
		switch {
		case c == 'o' && (n == 'e' || n == 'o'):
			c, i = 'u', i+1
		case c == 'd' && n == 'j':
			c, i = 'j', i+1
		case c == 't' && n == 'j':
			c, i = 'c', i+1
		case (c == 'c' || c == 'k') && n == 'h':
			c, i = 'h', i+1
		case (c == 'd' || c == 't') && n == 'h':
			i++
		case c == 'y':
			c = 'j'
		}
		if len(b) > 0 && b[len(b)-1] == c && c >= 'a' && c <= 'z' {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// normWord is spell plus the synonyms: the form a name word is indexed under.
func normWord(f string) string {
	s := spell(f)
	if muhammadNorm[s] {
		return canonMuhammad
	}
	if t, ok := synonyms[s]; ok {
		return t
	}
	return s
}

// nameWords splits a name into indexed words, flagging titles. Titles are
// only flagged while a real name word is left ("H." alone is a name).
func nameWords(name string) []nameWord { return nameWordsWith(name, nil) }

// nameWordsWith is nameWords keeping each word's normal form in norms (when
// not nil): a roster of 100,000 names has a few thousand distinct words.
func nameWordsWith(name string, norms map[string]string) []nameWord {
	fs := foldWords(name)
	ws := make([]nameWord, len(fs))
	lo, hi := 0, len(fs)
	for lo < hi-1 && leadTitles[fs[lo]] {
		ws[lo].title = true
		lo++
	}
	for hi-1 > lo && trailTitles[fs[hi-1]] {
		ws[hi-1].title = true
		hi--
	}
	for i, f := range fs {
		ws[i].fold = f
		if ws[i].title {
			ws[i].norm = spell(f) // a trailing "M." is a degree, not Muhammad
			if t, ok := synonyms[ws[i].norm]; ok {
				ws[i].norm = t
			}
		} else if norms == nil {
			ws[i].norm = normWord(f)
		} else if n, ok := norms[f]; ok {
			ws[i].norm = n
		} else {
			ws[i].norm = normWord(f)
			norms[f] = ws[i].norm
		}
	}
	return ws
}

// idKey is the form IDs are compared in: letters and digits, lower-case, so
// "jrs-blg-0002", "JRS BLG 0002" and "JRSBLG0002" are the same ID.
func idKey(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c-'A'+'a')
		case c >= utf8.RuneSelf:
			b = append(b, c)
		}
	}
	return string(b)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// letterMask has one bit per letter or digit present in b: a subsequence can
// only match if every bit of the query is set in the name.
func letterMask(b []byte) uint64 {
	var m uint64
	for _, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << (26 + c - '0')
		case c >= utf8.RuneSelf:
			m |= 1 << 63
		}
	}
	return m
}

// prefixTypo reports whether some prefix of t is within one edit (change,
// extra, missing or swapped letter, not the first) of w.
func prefixTypo(w, t string) bool {
	if w == "" || t == "" || w[0] != t[0] {
		return false // the first letter is taken as right, as by typoSeeds
	}
	i := 0
	for i < len(w) && i < len(t) && w[i] == t[i] {
		i++
	}
	if i == len(w) {
		return true
	}
	if strings.HasPrefix(t[i:], w[i+1:]) { // extra letter in w
		return true
	}
	if i < len(t) {
		if strings.HasPrefix(t[i+1:], w[i+1:]) || strings.HasPrefix(t[i+1:], w[i:]) {
			return true // changed letter, missing letter
		}
		if i+1 < len(w) && i+1 < len(t) && w[i] == t[i+1] && w[i+1] == t[i] &&
			strings.HasPrefix(t[i+2:], w[i+2:]) {
			return true
		}
	}
	return false
}

// typoSeeds are prefixes that every token within one edit of w starts with,
// assuming the first letter is right: w[:3] for an edit past the third
// letter, and each possible edit at the second or third letter spelt out.
// w has at least four bytes.
func typoSeeds(w string) []string {
	seeds := []string{w[:3]}
	for p := 1; p <= 2; p++ {
		seeds = append(seeds, w[:p]+w[p+1:min(p+3, len(w))], w[:p]+w[p+1:p+2]+w[p:p+1])
		for c := byte('a'); c <= 'z'; c++ {
			seeds = append(seeds, w[:p]+string(c)+w[p+1:p+2], w[:p]+string(c)+w[p:p+1])
		}
	}
	slices.Sort(seeds)
	// A seed that starts with another one adds nothing.
	return slices.CompactFunc(seeds, func(a, b string) bool { return strings.HasPrefix(b, a) })
}

// subsequence scores q's letters found in order in name: letters at word
// starts and runs of letters count, a late start costs.
func subsequence(name string, q []byte) (int, bool) {
	j, score, prev, first := 0, 0, -2, -1
	for i := 0; i < len(name) && j < len(q); i++ {
		if name[i] != q[j] {
			continue
		}
		if first < 0 {
			first = i
		}
		if i == 0 || name[i-1] == ' ' {
			score += 8
		}
		if prev == i-1 {
			score += 4
		}
		prev = i
		j++
	}
	if j < len(q) {
		return 0, false
	}
	return min(score-min(first, 30), typoBase-1), true
}

// How one query word matches one name word: bit flags.
const (
	matchPrefix uint8 = 1 << iota // starts the word, in some spelling
	matchWhole                    // is the word, in some spelling
	matchTypo                     // within one edit of a start of the word
	matchTyped                    // starts the word as it is written
)

func matchKind(w *qword, nw *nameWord, typo bool) uint8 {
	var k uint8
	for _, a := range w.alts {
		if a.s == nw.norm || a.s == nw.fold {
			k |= matchPrefix | matchWhole
		} else if !a.exact && (strings.HasPrefix(nw.norm, a.s) || strings.HasPrefix(nw.fold, a.s)) {
			k |= matchPrefix
		}
	}
	if k == 0 && typo && len(w.spelt) >= 4 &&
		(prefixTypo(w.spelt, nw.norm) || prefixTypo(w.fold, nw.fold)) {
		k = matchTypo
	}
	if k != 0 && strings.HasPrefix(nw.fold, w.fold) {
		k |= matchTyped
	}
	return k
}

// Score weights, most important first. "As written" keeps the selection
// still across spelling rules: at "kh" Khadijah stays above Hadariansyah,
// though "kh" is normalised to "h".
const (
	scoreWhole   = 10000 // per finished query word equal to a name word
	scoreFirst   = 1000  // the first name word (after titles) is used
	scoreTyped   = 100   // per query word matching a name word as written
	scoreInOrder = 10    // query words in the name's order
	maxShorter   = 9     // minus one per name word, up to this many
)

// wordScore finds the best way to give each query word its own name word.
func wordScore(e *entry, pq *parsed, typo bool) (int32, bool) {
	nq := len(pq.words)
	if nq > len(e.words) {
		return 0, false
	}
	a := assigner{e: e, pq: pq, best: -1 << 30, budget: assignBudget}
	for qi := range pq.words {
		found := false
		for j := range e.words {
			k := matchKind(&pq.words[qi], &e.words[j], typo)
			a.kinds[qi*maxNameWords+j] = k
			found = found || k != 0
		}
		if !found {
			return 0, false
		}
	}
	a.walk(0, 0, 0, false, true, -1)
	return int32(a.best), a.best > -1<<30
}

type assigner struct {
	kinds  [maxQueryWords * maxNameWords]uint8
	e      *entry
	pq     *parsed
	best   int
	budget int // bounds pathological names like "A A A A ..."
}

// walk tries query word qi on every free name word; points so far carries
// the whole and as-written points.
func (a *assigner) walk(qi int, used uint32, points int, first, inOrder bool, last int) {
	if a.budget--; a.budget < 0 {
		return
	}
	if qi == len(a.pq.words) {
		s := points - min(int(a.e.nreal), maxShorter)
		if first {
			s += scoreFirst
		}
		if inOrder {
			s += scoreInOrder
		}
		a.best = max(a.best, s)
		return
	}
	w := &a.pq.words[qi]
	for j := range a.e.words {
		k := a.kinds[qi*maxNameWords+j]
		if k == 0 || used&(1<<j) != 0 {
			continue
		}
		p := points
		if k&matchWhole != 0 && w.complete && !a.e.words[j].title {
			p += scoreWhole
		}
		if k&matchTyped != 0 {
			p += scoreTyped
		}
		a.walk(qi+1, used|1<<j, p, first || j == int(a.e.first), inOrder && j > last, j)
	}
}

// parsed is a query cut into words, each with the spellings it may take.
type parsed struct {
	key   string // idKey of the whole text
	words []qword
	fuzzy []byte // the words run together, for letters-in-order matching
	mask  uint64
}

type qword struct {
	fold, spelt string
	complete    bool // followed by a space: may count as a whole word
	alts        []alt
}

// alt is one spelling of a query word; exact ones must equal a name word
// ("haji" finds the title "H." but not every name starting with h).
type alt struct {
	s     string
	exact bool
}

func (w *qword) isAlt(s string) bool {
	for _, a := range w.alts {
		if a.s == s {
			return true
		}
	}
	return false
}

// near reports whether a name word spelt s can match w with one typo.
func (w *qword) near(s string) bool {
	if prefixTypo(w.spelt, s) || prefixTypo(w.fold, s) {
		return true
	}
	for _, a := range w.alts {
		if strings.HasPrefix(s, a.s) {
			return true
		}
	}
	return false
}

// lookups drops alternatives that another one already covers.
func (w *qword) lookups() []alt {
	var out []alt
	for i, a := range w.alts {
		covered := false
		for k, b := range w.alts {
			if k != i && !b.exact && strings.HasPrefix(a.s, b.s) && (b.s != a.s || k < i) {
				covered = true
			}
		}
		if !covered {
			out = append(out, a)
		}
	}
	return out
}

func parseQuery(text string) parsed {
	pq := parsed{key: idKey(text)}
	fs := foldWords(text)
	if len(fs) > maxQueryWords {
		fs = fs[:maxQueryWords]
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	trailing := unicode.IsSpace(r)
	for i, f := range fs {
		w := qword{fold: f, spelt: spell(f), complete: i < len(fs)-1 || trailing}
		w.alts = append(w.alts, alt{s: f})
		if w.spelt != f {
			w.alts = append(w.alts, alt{s: w.spelt})
		}
		fz := w.spelt
		if muhammadNorm[w.spelt] || (!w.complete && muhammadPrefix(f, w.spelt)) {
			w.alts = append(w.alts, alt{s: canonMuhammad})
			if w.complete {
				fz = canonMuhammad
			}
		}
		if t, ok := synonyms[w.spelt]; ok {
			w.alts = append(w.alts, alt{s: t, exact: leadTitles[t]})
		}
		pq.words = append(pq.words, w)
		pq.fuzzy = append(pq.fuzzy, fz...)
	}
	pq.mask = letterMask(pq.fuzzy)
	return pq
}

// muhammadPrefix: a word being typed that can only be heading for Muhammad.
func muhammadPrefix(fold, spelt string) bool {
	for _, m := range muhammadRaw {
		if len(fold) >= 3 && strings.HasPrefix(m, fold) {
			return true
		}
	}
	for _, m := range muhammadSpelt {
		if len(spelt) >= 3 && strings.HasPrefix(m, spelt) {
			return true
		}
	}
	return false
}
