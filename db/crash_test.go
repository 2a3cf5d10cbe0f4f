package db

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"hadir/model"
)

// TestMain doubles as the crash child: with HADIR_CRASH_CHILD set, the test
// binary checks volunteers in one by one and prints each acknowledged ID,
// until it is killed.
func TestMain(m *testing.M) {
	if path := os.Getenv("HADIR_CRASH_CHILD"); path != "" {
		crashChild(path)
		return
	}
	if path := os.Getenv("HADIR_FULL_CHILD"); path != "" {
		fullDiskChild(path)
		return
	}
	os.Exit(m.Run())
}

func crashChild(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	fmt.Println("READY")
	for i := 0; ; i++ {
		id := fmt.Sprintf("V%05d", i%crashRoster)
		res, err := s.CheckIn(id, Actor{Station: "crash", Operator: "child"})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		if res.Outcome == CheckedIn {
			fmt.Println("ACK", id)
		}
	}
}

const crashRoster = 5000

// A check-in that was acknowledged survives the process being killed at any
// moment: 20 rounds of SIGKILL at a random time, reopen, check, verify.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 20 child processes; run without -short")
	}
	s, path := openTest(t, crashRoster)
	s.Close()
	acked := map[string]bool{}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for round := range 20 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "HADIR_CRASH_CHILD="+path)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		if first := <-lines; first != "READY" {
			t.Fatalf("round %d: child said %q", round, first)
		}
		kill := time.After(time.Duration(20+r.IntN(200)) * time.Millisecond)
		killed := false
		for !killed {
			select {
			case line, ok := <-lines:
				if !ok {
					cmd.Wait()
					t.Fatalf("round %d: child ended by itself: %s", round, stderr.String())
				}
				if id, ok := strings.CutPrefix(line, "ACK "); ok {
					acked[id] = true
				} else {
					t.Fatalf("round %d: child said %q", round, line)
				}
			case <-kill:
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
		for line := range lines { // acknowledgements written before the kill landed
			if id, ok := strings.CutPrefix(line, "ACK "); ok {
				acked[id] = true
			}
		}
		cmd.Wait()

		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: the store does not open after a kill: %v", round, err)
		}
		for id := range acked {
			if p, _ := s.Person(id); p.Status != model.StatusArrived {
				t.Errorf("round %d: %s was acknowledged but is %v after the kill", round, id, p.Status)
			}
		}
		if problems, err := s.Verify(); err != nil || len(problems) > 0 {
			t.Errorf("round %d: verify after the kill: %v %v", round, problems, err)
		}
		s.Close()
	}
	if len(acked) == 0 {
		t.Fatal("no check-in was acknowledged in 20 rounds")
	}
	t.Logf("%d acknowledged arrivals survived 20 kills", len(acked))
}
