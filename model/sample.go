package model

import (
	"math/rand/v2"
	"strconv"
)

// DemoSeed is the seed of the built-in demo roster.
const DemoSeed = 2026

// DemoRoster is the built-in 3,000-volunteer roster: GenerateRoster(3000,
// DemoSeed). Kab. Balangan has exactly 100. Each call returns a fresh copy.
func DemoRoster() []Volunteer { return GenerateRoster(3000, DemoSeed) }

// Contingents lists the contingent names the generator uses, in a fixed order:
// the 13 regencies and cities of South Kalimantan, then the guest provinces.
var Contingents = genNames(len(genContingents), func(i int) string { return genContingents[i].name })

// Pillars lists the PSKS pillars the generator uses, in a fixed order.
var Pillars = genNames(len(genPillars), func(i int) string { return genPillars[i].name })

// Name regions: which naming traditions a contingent draws from.
const (
	genRegBanjar  = iota // South Kalimantan: Banjar, Javanese, Arabic names
	genRegPesisir        // the east coast (Kotabaru, Tanah Bumbu): more Bugis
	genRegKaltim         // East Kalimantan: mixed, Bugis and Javanese
	genRegKalteng        // Central Kalimantan: some Christian Dayak names
	genRegSunda          // West Java: Sundanese
)

// genContingents drives the generator; weight is the size in a 3,000 roster.
var genContingents = [...]struct {
	name, code string
	weight     int
	region     int
}{
	{"Kab. Balangan", "BLG", 100, genRegBanjar},
	{"Kab. Banjar", "BJR", 380, genRegBanjar},
	{"Kab. Barito Kuala", "BTL", 180, genRegBanjar},
	{"Kab. Hulu Sungai Selatan", "HSS", 150, genRegBanjar},
	{"Kab. Hulu Sungai Tengah", "HST", 160, genRegBanjar},
	{"Kab. Hulu Sungai Utara", "HSU", 150, genRegBanjar},
	{"Kab. Kotabaru", "KTB", 190, genRegPesisir},
	{"Kab. Tabalong", "TBL", 170, genRegBanjar},
	{"Kab. Tanah Bumbu", "TNB", 210, genRegPesisir},
	{"Kab. Tanah Laut", "TNL", 200, genRegBanjar},
	{"Kab. Tapin", "TPN", 140, genRegBanjar},
	{"Kota Banjarbaru", "BJB", 260, genRegBanjar},
	{"Kota Banjarmasin", "BJM", 420, genRegBanjar},
	{"Prov. Kalimantan Timur", "KTM", 120, genRegKaltim},
	{"Prov. Kalimantan Tengah", "KTG", 110, genRegKalteng},
	{"Prov. Jawa Barat", "JBR", 60, genRegSunda},
}

const genTotalWeight = 3000 // the sum of the weights above

// genPillars: weight out of 100, and the percentage of women in the pillar.
var genPillars = [...]struct {
	name           string
	weight, female int
}{
	{"Tagana", 17, 20},
	{"Pekerja Sosial Masyarakat (PSM)", 18, 45},
	{"Pekerja Sosial Profesional", 4, 55},
	{"Penyuluh Sosial", 3, 45},
	{"Karang Taruna", 15, 40},
	{"TKSK", 10, 30},
	{"Pendamping PKH", 14, 65},
	{"LKS", 5, 50},
	{"LK3", 2, 55},
	{"Siaga Bencana", 4, 25},
	{"Rehabilitasi Sosial", 3, 50},
	{"Pekerja Bansos", 2, 40},
	{"Wanita Pemimpin Kesejahteraan Sosial (WPKS)", 2, 100},
	{"Dunia Usaha", 1, 35},
}

// genPinned are fixed people that other tests and demos can search for.
// They overwrite the generated row, when the contingent is large enough.
var genPinned = [...]struct {
	code   string
	seq    int
	name   string
	gender string
	pillar int
}{
	{"BJM", 2, "Muhammad Rahman", "L", 0}, // JRS-BJM-0002, Tagana
	{"BJR", 3, "Soedjatmoko", "L", 3},     // JRS-BJR-0003, Penyuluh Sosial
	{"BLG", 2, "Siti Aisyah", "P", 6},     // JRS-BLG-0002, Pendamping PKH
}

// genNames lists the names of a generator table.
func genNames(n int, name func(int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = name(i)
	}
	return out
}

// genWeights is a cumulative weight table for weighted choice.
type genWeights []int

func genTable(w ...int) genWeights {
	cum := make(genWeights, len(w))
	t := 0
	for i, x := range w {
		t += x
		cum[i] = t
	}
	return cum
}

func (t genWeights) pick(r *rand.Rand) int {
	x := r.IntN(t[len(t)-1])
	for i, c := range t {
		if x < c {
			return i
		}
	}
	return len(t) - 1
}

// genNamer builds one name at a time into a fixed array of words.
type genNamer struct {
	r     *rand.Rand
	parts [6]string // a title and up to five words
	n     int
	buf   []byte
}

func (g *genNamer) add(s string)       { g.parts[g.n] = s; g.n++ }
func (g *genNamer) from(pool []string) { g.add(pool[g.r.IntN(len(pool))]) }
func (g *genNamer) pct(p int) bool     { return g.r.IntN(100) < p }
func (g *genNamer) maybe(p int, pool []string) {
	if g.pct(p) {
		g.from(pool)
	}
}

// either picks from a or b, a with probability p percent.
func (g *genNamer) either(p int, a, b []string) {
	if g.pct(p) {
		g.from(a)
	} else {
		g.from(b)
	}
}

// muhammad adds a spelling of Muhammad and one to three names.
func (g *genNamer) muhammad() {
	g.from(genMuhammad)
	g.from(genMArabic)
	if g.pct(40) {
		g.either(60, genMArabic, genMSingle)
		g.maybe(12, genMSingle)
	}
}

func (g *genNamer) male(region int) {
	switch genMalePat[region].pick(g.r) {
	case 0: // single name, sometimes with a second
		g.from(genMSingle)
		g.maybe(30, genMArabic)
	case 1:
		g.muhammad()
	case 2: // Abdul Hadi, Ahmad Fauzan
		if g.pct(55) {
			g.add("Abdul")
			g.from(genAbdul)
			g.maybe(25, genMArabic)
		} else {
			g.from(genAhmad)
			g.either(50, genMArabic, genMSingle)
		}
		g.maybe(20, genMSingle)
	case 3: // Gusti Muhammad Iberahim, Anang Rusdiansyah
		g.from(genMBanjar)
		if g.parts[g.n-1] == "Gusti" && g.pct(35) {
			g.muhammad()
		} else {
			g.either(55, genMSingle, genMArabic)
			g.maybe(15, genMArabic)
		}
	case 4: // Rizky Pratama, Dedi Kurniawan
		g.from(genMFirst)
		g.maybe(15, genMFirst)
		g.from(genMLast)
	case 5: // Djoko Santoso, Soeparman
		if g.pct(35) {
			g.from(genOldMOne)
		} else {
			g.from(genOldMFirst)
			g.from(genOldMLast)
		}
	case 6: // Andi Baso Amir
		g.add("Andi")
		g.from(genAndiM)
		g.maybe(40, genBugisLast)
	case 7: // Rahmat Noor, Noor Hasan
		if g.pct(60) {
			g.either(40, genNoorPre, genMArabic)
			g.add("Noor")
		} else {
			g.add("Noor")
			g.either(50, genMArabic, genMSingle)
		}
	case 8: // Asep Saepudin
		g.from(genSundaM)
		g.from(genSundaML)
	default: // Yohanes Setiawan
		g.from(genChristM)
		g.from(genMLast)
	}
}

func (g *genNamer) female(region int) {
	switch genFemalePat[region].pick(g.r) {
	case 0:
		g.from(genFSingle)
		g.maybe(25, genFArabic)
	case 1: // Siti Aisyah, Siti Nur Azizah
		g.add("Siti")
		g.maybe(15, genSitiNur)
		g.either(50, genFArabic, genFSingle)
	case 2: // Nur Hidayah, Nurul Hikmah
		g.from(genSitiNur)
		g.from(genFArabic)
		g.maybe(10, genFSingle)
	case 3: // Aluh Rahmah, Antung Fatimah
		g.from(genFBanjar)
		g.either(50, genFSingle, genFArabic)
	case 4: // Dewi Lestari, Putri Ayu Lestari
		g.from(genFFirst)
		g.maybe(15, genFFirst)
		g.from(genFLast)
	case 5: // Rabiatul Adawiyah
		g.from(genAtul)
		g.from(genAtulLast)
	case 6: // Soeharti, Siti Chadidjah
		g.maybe(40, genOldFPre)
		g.from(genOldF)
	case 7: // Andi Nurhayati
		g.add("Andi")
		g.either(50, genAndiF, genFSingle)
		g.maybe(25, genFArabic)
	case 8: // Euis Komariah
		g.from(genSundaF)
		g.from(genSundaFL)
	default: // Maria Yuliana
		g.from(genChristF)
		g.from(genFLast)
	}
}

// name returns a name of 1 to 5 words, valid until the next call. Hajj titles
// (H., Hj.) are more common among the leaders.
func (g *genNamer) name(female bool, region int, leader bool) []byte {
	g.n = 1 // parts[0] is kept for the title
	if female {
		g.female(region)
	} else {
		g.male(region)
	}
	start, p := 1, 6
	if leader {
		p = 35
	}
	if g.n <= 5 && g.pct(p) {
		start = 0
		g.parts[0] = "H."
		if female {
			g.parts[0] = "Hj."
		}
	}
	if g.n-start > 5 {
		g.n = start + 5
	}
	g.buf = append(g.buf[:0], g.parts[start]...)
	for _, w := range g.parts[start+1 : g.n] {
		g.buf = append(g.buf, ' ')
		g.buf = append(g.buf, w...)
	}
	return g.buf
}

// genSizes spreads n over the contingents by weight (largest remainder), so
// that n = 3000 gives exactly the weights.
func genSizes(n int) []int {
	sizes := make([]int, len(genContingents))
	rems := make([]int, len(genContingents))
	left := n
	q, m := n/genTotalWeight, n%genTotalWeight
	for i, c := range genContingents {
		sizes[i] = q*c.weight + m*c.weight/genTotalWeight
		rems[i] = m * c.weight % genTotalWeight
		left -= sizes[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rems {
			if rems[i] > rems[best] {
				best = i
			}
		}
		sizes[best]++
		rems[best] = -1
	}
	return sizes
}

// genMix is splitmix64: it spreads nearby seeds over the PCG state.
func genMix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// GenerateRoster returns n volunteers, the same for the same n and seed.
//
// Volunteers come grouped by contingent, in the order of Contingents, with IDs
// such as "JRS-BLG-0001" (contingent code and sequence within it, at least
// four digits). The first of each contingent is its leader.
func GenerateRoster(n int, seed int64) []Volunteer {
	if n <= 0 {
		return []Volunteer{}
	}
	sizes := genSizes(n)
	out := make([]Volunteer, 0, n)
	extras := make([]Field, 2*n)
	pcg := rand.NewPCG(0, 0)
	r := rand.New(pcg)
	g := genNamer{r: r}
	buf := make([]byte, 0, 32)
	seen := make(map[string]struct{}, n) // names so far
	for ci, c := range genContingents {
		pcg.Seed(genMix(uint64(seed)), genMix(uint64(seed)^genMix(uint64(ci+1))))
		for seq := 1; seq <= sizes[ci]; seq++ {
			pillar := genPillarT.pick(r)
			female := g.pct(genPillars[pillar].female)
			pinned := ""
			for _, p := range genPinned {
				if p.code == c.code && p.seq == seq {
					pinned, pillar, female = p.name, p.pillar, p.gender == "P"
				}
			}
			// A name already given is drawn again, up to three times, so
			// namesakes stay few (as in life), not none.
			b := g.name(female, c.region, seq == 1)
			for try := 0; try < 3; try++ {
				if _, dup := seen[string(b)]; !dup {
					break
				}
				b = g.name(female, c.region, seq == 1)
			}
			name := pinned
			if name == "" {
				name = string(b)
			}
			seen[name] = struct{}{}
			v := Volunteer{
				Name:       name,
				Contingent: c.name,
				Pillar:     genPillars[pillar].name,
				Gender:     "L",
				Leader:     seq == 1,
				Source:     SourceRoster,
			}
			if female {
				v.Gender = "P"
			}

			buf = append(buf[:0], "JRS-"...)
			buf = append(buf, c.code...)
			buf = append(buf, '-')
			for d := 1000; d > 1 && seq < d; d /= 10 {
				buf = append(buf, '0')
			}
			buf = strconv.AppendInt(buf, int64(seq), 10)
			v.ID = string(buf)

			// 08xx and 7 to 9 more digits: 11 to 13 in all, 12 most often.
			buf = append(buf[:0], genPhonePre[r.IntN(len(genPhonePre))]...)
			digits := 8
			switch k := r.IntN(10); {
			case k < 2:
				digits = 7
			case k >= 8:
				digits = 9
			}
			x := r.Uint64()
			for range digits {
				buf = append(buf, byte('0'+x%10))
				x /= 10
			}
			v.Phone = string(buf)

			shirt := genTShirtM
			if female {
				shirt = genTShirtF
			}
			e := extras[2*len(out) : 2*len(out)+2 : 2*len(out)+2]
			e[0] = Field{Key: "Ukuran Kaos", Value: genShirts[shirt.pick(r)]}
			e[1] = Field{Key: "Golongan Darah", Value: genBloods[genBlood.pick(r)]}
			v.Extra = e
			out = append(out, v)
		}
	}
	return out
}
