package main

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// notRunHere are the README's command lines this test does not run, and
// why: they wait for a person (a screen, Ctrl+C) or name a place this
// machine has not. Matched by the command's first word ("" is the gate
// screen, the root command).
var notRunHere = map[string]string{
	"":      "the gate screen runs until Ctrl+C: TestReadmeGateOpensByDefault opens it in tmux",
	"gate":  "the gate screen runs until Ctrl+C: TestReadmeGateOpensByDefault opens it in tmux",
	"demo":  "the demo screen runs until Ctrl+C: the tmux tests drive it",
	"serve": "serves until Ctrl+C: cli/serve_test.go runs it with real SSH clients",
}

// windowsOnly are lines written for a Windows laptop's drive letters.
var windowsOnly = regexp.MustCompile(`\b[A-Z]:\\`)

// readmeExamples returns the README's command lines in the order it shows
// them: the lines of its code blocks that start with hadir, and the inline
// `hadir ...` (or `hadir.exe ...`) examples that are whole command lines,
// not synopses (no CAPITAL placeholders, [options], a|b or ...).
func readmeExamples(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	inline := regexp.MustCompile("`(hadir(?:\\.exe)? [^`]+)`")
	synopsis := regexp.MustCompile(`\b[A-Z]{2,}\b|\[|\||\.\.\.`)
	var out []string
	inBlock := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if inBlock {
			if strings.HasPrefix(line, "hadir ") {
				cmd, _, _ := strings.Cut(line, " # ") // the README's comments
				out = append(out, strings.TrimSpace(cmd))
			}
			continue
		}
		for _, m := range inline.FindAllStringSubmatch(line, -1) {
			if !synopsis.MatchString(m[1]) {
				out = append(out, m[1])
			}
		}
	}
	return out
}

// words splits a command line as a shell would, for the quoting the README
// uses ("two words"), and cuts off a ">> FILE" at its end.
func words(line string) (args []string, appendTo string) {
	if before, file, ok := strings.Cut(line, " >> "); ok {
		line, appendTo = before, strings.TrimSpace(file)
	}
	var cur strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if started {
		args = append(args, cur.String())
	}
	return args, appendTo
}

// commandOf is the command a line runs: its first word that is not a flag
// or a flag's value ("" for the gate screen).
func commandOf(args []string) string {
	noValue := map[string]bool{"--no-bell": true, "--headless": true, "--dry-run": true, "--skip-bad": true,
		"--json": true, "--merge": true, "--allow-rename": true, "--departure": true, "-h": true, "--help": true}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case !strings.HasPrefix(a, "-"):
			return a
		case !strings.Contains(a, "=") && !noValue[a]:
			i++ // the flag's value
		}
	}
	return ""
}

// Every command line the README shows works: run in order on one store, in
// a folder holding the files it names, each ends with exit status 0.
func TestReadmeExamplesRun(t *testing.T) {
	bin, dir := buildBinary(t), t.TempDir()
	hadir := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HADIR_DB=", "HADIR_LANG=en")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("preparing: hadir %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	readmeFixtures(t, dir, hadir)

	examples := readmeExamples(t)
	if len(examples) < 20 {
		t.Fatalf("found only %d examples in the README: %q", len(examples), examples)
	}
	ran := 0
	for _, line := range examples {
		if windowsOnly.MatchString(line) {
			t.Logf("not run: %s (a Windows drive letter; the Linux line beside it is run)", line)
			continue
		}
		args, appendTo := words(line)
		args = args[1:] // hadir or hadir.exe
		if why, skip := notRunHere[commandOf(args)]; skip {
			t.Logf("not run: %s (%s)", line, why)
			continue
		}
		for i, a := range args {
			if a == "/media/usb" { // the USB stick: a folder here
				args[i] = filepath.Join(dir, "usb")
				os.MkdirAll(args[i], 0o755)
			}
		}
		if prepare, ok := readmeSetups[line]; ok {
			for _, p := range prepare {
				hadir(p...)
			}
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HADIR_DB=", "HADIR_LANG=en")
		out, err := cmd.Output()
		if err != nil {
			stderr := ""
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = string(ee.Stderr)
			}
			t.Errorf("README: %s\n%v\n%s%s", line, err, out, stderr)
			continue
		}
		if appendTo != "" {
			f, err := os.OpenFile(filepath.Join(dir, appendTo), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
			if err != nil {
				t.Fatal(err)
			}
			f.Write(out)
			f.Close()
		}
		ran++
	}
	t.Logf("ran %d of the README's %d command lines", ran, len(examples))
}

// readmeSetups are what a line needs in the store first, as the README's
// story has it: a contingent to merge away.
var readmeSetups = map[string][][]string{
	`hadir contingent rename "Tagana Balangan" "Kabupaten Balangan" --merge`: {{"import", "tagana.csv"}},
}

// readmeFixtures writes the files the README's lines name: the roster as
// CSV and as a workbook, an office's list numbered from 1, a list of one
// contingent without a contingent column, and another station's events.
func readmeFixtures(t *testing.T, dir string, hadir func(...string) []byte) {
	t.Helper()
	hadir("sample", "--n", "3000", "-o", "peserta.csv")
	f, err := os.Open(filepath.Join(dir, "peserta.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	writeBook(t, filepath.Join(dir, "peserta.xlsx"), rows)
	writeBook(t, filepath.Join(dir, "balangan.xlsx"), [][]string{{"Nama", "No. HP"}, {"Rahmat Hidayat", "081299990001"}, {"Noor Aina", "081299990002"}})
	files := map[string]string{
		"balangan.csv": "No;ID;Nama;Kabupaten/Kota\n1;1;Dedi Kurniawan;Kab. Balangan\n2;2;Rina Marlina;Kab. Balangan\n",
		"tagana.csv":   "ID;Nama;Kontingen\nTGN-1;Fauzan Noor;Tagana Balangan\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Gerbang 3 ran alone on its own laptop (its own store) and checked one in.
	other := filepath.Join(dir, "gerbang3", "hadir.db")
	hadir("import", "peserta.csv", "--db", other)
	hadir("station", "gerbang 3", "--db", other)
	hadir("checkin", "JRS-BLG-0012", "--db", other)
	hadir("export", "events", "-o", "gerbang3.jsonl", "--db", other)
}

func writeBook(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// The gate screen is the default: the README's gate line, with no
// command, opens the check-in screen on the store.
func TestReadmeGateOpensByDefault(t *testing.T) {
	requireTmux(t)
	bin, dir := buildBinary(t), t.TempDir()
	cmd := exec.Command(bin, "sample", "--n", "50", "-o", "peserta.csv")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	cmd = exec.Command(bin, "import", "peserta.csv")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	s := startTmux(t, dir, 100, 30, bin+` --operator Rina --station "gerbang 1" --no-bell`)
	s.waitFor("Type a name or scan a badge")
	s.waitFor("Arrived 0 / 50")
	s.keys("C-c")
	s.waitFor("EXITED")
}
