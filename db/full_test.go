//go:build linux

package db

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"hadir/model"
)

// fullDiskChild checks volunteers in on a store that may not grow past a
// few pages (the file size limit stands in for a full disk), printing each
// acknowledged ID, then the error that stopped it.
func fullDiskChild(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	size, _ := os.Stat(path)
	limit := uint64(size.Size()) + 64*1024
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("ERR", err)
		return
	}
	for i := 0; i < crashRoster; i++ {
		id := fmt.Sprintf("V%05d", i)
		if _, err := s.CheckIn(id, Actor{Station: "full", Operator: "child"}); err != nil {
			fmt.Println("FAILED", err)
			return
		}
		fmt.Println("ACK", id)
	}
	// The file may still have room inside (bbolt grows it in steps): walk-ins
	// until it is full.
	for i := range 100000 {
		v := model.Volunteer{Name: fmt.Sprintf("Tamu %d", i), Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L"}
		if _, err := s.WalkIn(v, Actor{Station: "full", Operator: "child"}); err != nil {
			fmt.Println("FAILED", err)
			return
		}
		fmt.Println("WALKIN", i)
	}
	fmt.Println("ERR the store never filled up")
}

// A store that cannot grow says so plainly, and nothing already saved is lost.
func TestDiskFull(t *testing.T) {
	s, path := openTest(t, crashRoster)
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "HADIR_FULL_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	var failure string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "ACK "):
			acked = append(acked, strings.TrimPrefix(line, "ACK "))
		case strings.HasPrefix(line, "WALKIN "):
		case strings.HasPrefix(line, "FAILED "):
			failure = strings.TrimPrefix(line, "FAILED ")
		default:
			t.Fatalf("child: %s", line)
		}
	}
	cmd.Wait()
	if !strings.Contains(failure, "the disk is full") || !strings.Contains(failure, "nothing of this action was recorded") {
		t.Fatalf("the failure said %q; want a plain 'disk is full' message", failure)
	}
	if len(acked) == 0 {
		t.Fatal("nothing was acknowledged before the disk filled up")
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("the store does not open after filling up: %v", err)
	}
	defer s.Close()
	for _, id := range acked {
		if p, _ := s.Person(id); p.Status != model.StatusArrived {
			t.Errorf("%s was acknowledged but is %v", id, p.Status)
		}
	}
	if problems, err := s.Verify(); err != nil || len(problems) > 0 {
		t.Errorf("verify after the disk filled up: %v %v", problems, err)
	}
	t.Logf("%d check-ins saved before the store could not grow: %s", len(acked), failure)
}
