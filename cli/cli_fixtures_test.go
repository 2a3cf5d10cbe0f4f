package cli

// Helpers for the end-to-end tests of the command line (main_test.go and
// the files by subject beside it): a store in a temporary folder, a way to
// run hadir in-process or as a child process, and the roster files
// contingents send.

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// childEnv, when set to 1, makes the test binary act as hadir (see TestMain).
const childEnv = "HADIR_TEST_MAIN"

// result is what a user sees of one hadir invocation.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// cli is one user's folder with a store in it.
type cli struct {
	t   *testing.T
	dir string
	db  string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	return &cli{t: t, dir: dir, db: filepath.Join(dir, "hadir.db")}
}

// hangLimit is how long one command may take before the test calls it hung:
// a command that never returns must fail its test, not stall the suite.
const hangLimit = 60 * time.Second

// raw runs hadir with exactly these arguments, in-process. A command that
// does not finish within hangLimit comes back with exit -1.
func raw(args ...string) result {
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(streams{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, session{}, args)
		done <- result{code: code, stdout: out.String(), stderr: errb.String()}
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(hangLimit):
		return result{code: -1, stderr: fmt.Sprintf("hadir %s: still running after %v: hung\n", strings.Join(args, " "), hangLimit)}
	}
}

// run runs hadir on this folder's store (--db is appended: flags may follow
// the arguments).
func (c *cli) run(args ...string) result {
	c.t.Helper()
	return raw(append(args, "--db", c.db)...)
}

// ok runs hadir on the store and fails the test unless it exits 0.
func (c *cli) ok(args ...string) result {
	c.t.Helper()
	r := c.run(args...)
	if r.code != 0 {
		c.t.Fatalf("hadir %s: %v", strings.Join(args, " "), r)
	}
	return r
}

// expect runs hadir on the store and checks the exit status.
func (c *cli) expect(code int, args ...string) result {
	c.t.Helper()
	r := c.run(args...)
	if r.code != code {
		c.t.Fatalf("hadir %s: want exit %d, got %v", strings.Join(args, " "), code, r)
	}
	return r
}

// write puts a file in the folder and returns its path.
func (c *cli) write(name string, data []byte) string {
	c.t.Helper()
	path := filepath.Join(c.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		c.t.Fatal(err)
	}
	return path
}

// read returns a file's bytes; nil when it does not exist.
func (c *cli) read(path string) []byte {
	c.t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		c.t.Fatal(err)
	}
	return data
}

// importGood fills the store with the small roster and checks it in.
func (c *cli) importGood() {
	c.t.Helper()
	path := c.write("peserta.csv", []byte(smallRoster))
	if r := c.ok("import", path); !strings.Contains(r.stdout, "5 added") {
		c.t.Fatalf("import of the good roster: %v", r)
	}
}

// child runs hadir as another process: the test binary itself, which
// TestMain turns into hadir when childEnv is set.
func child(t *testing.T, args ...string) (result, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running the child hadir: %v", err)
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}, took
}

// table reads a CSV export.
func table(t *testing.T, data string) (header []string, rows [][]string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("the export is not CSV with a header (%v):\n%s", err, data)
	}
	return recs[0], recs[1:]
}

// byID maps a CSV table's rows by their first column, each row as a map
// from the header.
func byID(header []string, rows [][]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, r := range rows {
		m := map[string]string{}
		for i, k := range header {
			m[k] = r[i]
		}
		out[r[0]] = m
	}
	return out
}

// jsonLine is one JSON-lines object with its keys in written order.
type jsonLine struct {
	keys []string
	vals map[string]any
}

// jsonLines reads a JSON-lines export: one object per line, keeping the
// order of the keys.
func jsonLines(t *testing.T, data string) []jsonLine {
	t.Helper()
	if data == "" {
		return nil
	}
	var out []jsonLine
	for n, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		dec := json.NewDecoder(strings.NewReader(line))
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			t.Fatalf("line %d is not a JSON object: %q", n+1, line)
		}
		jl := jsonLine{vals: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatalf("line %d: %v: %q", n+1, err, line)
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("line %d: %v: %q", n+1, err, line)
			}
			jl.keys = append(jl.keys, k.(string))
			jl.vals[k.(string)] = v
		}
		if _, err := dec.Token(); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if _, err := dec.Token(); err != io.EOF {
			t.Fatalf("line %d holds more than one object: %q", n+1, line)
		}
		out = append(out, jl)
	}
	return out
}

// statsOut is the part of `stats --json` the tests read.
type statsOut struct {
	Expected    int `json:"expected"`
	Arrived     int `json:"arrived"`
	Departed    int `json:"departed"`
	OnSite      int `json:"on_site"`
	Contingents []struct {
		Name     string `json:"name"`
		Expected int    `json:"expected"`
		Arrived  int    `json:"arrived"`
	} `json:"contingents"`
}

func (c *cli) stats() statsOut {
	c.t.Helper()
	r := c.ok("stats", "--json")
	var s statsOut
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		c.t.Fatalf("stats --json is not JSON: %v\n%s", err, r.stdout)
	}
	return s
}

// crlf joins lines as Excel on Windows writes them.
func crlf(lines ...string) []byte { return []byte(strings.Join(lines, "\r\n") + "\r\n") }

// excelIndonesian is a roster saved as "CSV" by Excel on an Indonesian
// Windows laptop: semicolons, CRLF, Windows-1252 bytes (\xE9 is é, \x92 is
// a right single quote), a title and a blank row above the header, a "No"
// column that restarts for each contingent, a phone that lost its 0 to a
// numeric cell, and blank rows at the end.
var excelIndonesian = crlf(
	"DAFTAR PESERTA JAMBORE RELAWAN SOSIAL PSKS 2026;;;;;;",
	";;;;",
	"No;No. Peserta;Nama Lengkap;Kabupaten/Kota;Unsur PSKS;L/P;No. HP",
	"1;JRS-BLG-0001;Nurul Hikmah;Kabupaten Balangan;Tagana;P;'081251110001",
	"2;JRS-BLG-0002;D\xe9sy Ratnasari;Kabupaten Balangan;Pekerja Sosial Masyarakat;P;81251110002",
	"3;JRS-BLG-0003;Ahmad Ba\x92asyir;Kabupaten Balangan;TKSK;L;081251110003",
	"1;JRS-BJM-0001;Muhammad Rizki;Kota Banjarmasin;Karang Taruna;L;",
	"2;JRS-BJM-0002;Hj. Siti Aisyah;Kota Banjarmasin;Pendamping PKH;P;-",
	";;;;;;",
	";;;;;;",
)

// googleForms is a Google Forms response sheet downloaded as CSV: commas,
// a Timestamp first, an e-mail column, an address quoted because it holds a
// comma and a line break, and no ID column.
const googleForms = "Timestamp,Email Address,Nama Lengkap,Asal Kabupaten/Kota,Unsur PSKS,Jenis Kelamin,No. WhatsApp,Alamat\r\n" +
	"2026/03/02 8:15:02 AM GMT+8,nurul@example.com,Nurul Hikmah,Kabupaten Banjar,Tagana,Perempuan,0812-5111-0001,\"Jl. A. Yani Km. 5,\nBanjarmasin\"\r\n" +
	"2026/03/02 9:01:44 AM GMT+8,rizki@example.com,Muhammad Rizki,Kota Banjarbaru,Karang Taruna,Laki-laki,081251110002,\"Jl. Trikora, Gg. Mawar 3\"\r\n" +
	"2026/03/03 10:20:00 AM GMT+8,desy@example.com,\"Désy \"\"Echi\"\" Ratnasari\",Kabupaten Banjar,PSM,Perempuan,+62 812 5111 0003,Martapura\r\n"

// smallRoster is a plain good roster: 3 in Balangan, 2 in Banjarmasin.
const smallRoster = "No Peserta;Nama;Kontingen;Pilar;JK;No HP\n" +
	"JRS-BLG-0001;Nurul Hikmah;Kabupaten Balangan;Tagana;P;081251110001\n" +
	"JRS-BLG-0002;Ahmad Fauzi;Kabupaten Balangan;PSM;L;081251110002\n" +
	"JRS-BLG-0003;Rina Wulandari;Kabupaten Balangan;TKSK;P;081251110003\n" +
	"JRS-BJM-0001;Muhammad Rizki;Kota Banjarmasin;Karang Taruna;L;081251110004\n" +
	"JRS-BJM-0002;Gusti Rahmat;Kota Banjarmasin;LKS;L;081251110005\n"

// badRosters are files that must be refused whole, with the line to fix.
var badRosters = []struct {
	name, data string
	line       int    // the line the message must name
	says       string // and what it must say
}{
	{"missing name", "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;;Kabupaten Balangan;L\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P\n", 3, "no name"},
	{"duplicate ID", "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;Ahmad Fauzi;Kabupaten Balangan;L\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P\n" +
		"JRS-2;Budi Santoso;Kota Banjarmasin;L\n", 5, "also on row 3"},
	{"unclosed quote", "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;\"Ahmad Fauzi;Kabupaten Balangan;L\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P\n", 3, "closing quote"},
	{"bare quote", "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;Ahmad \"Uda\" Fauzi;Kabupaten Balangan;L\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P\n", 3, "quote"},
	{"field over 4 KB", "No Peserta;Nama;Kontingen;JK;Catatan\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P;\n" +
		"JRS-2;Ahmad Fauzi;Kabupaten Balangan;L;\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P;" + strings.Repeat("x", 5000) + "\n", 4, "longer than 4096"},
	{"no name column", "No Peserta;Kontingen;JK\n" +
		"JRS-1;Kabupaten Balangan;P\n", 1, "no name column"},
	{"header only", "No Peserta;Nama;Kontingen;JK\r\n;;;\r\n", 1, "no volunteers"},
	{"bad gender", "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;Ahmad Fauzi;Kabupaten Balangan;X\n", 3, "not L or P"},
	{"no contingent column", "No Peserta;Nama;JK\n" +
		"JRS-1;Nurul Hikmah;P\n", 1, "--contingent"},
}
