// Package peer keeps laptops' stores in step: each gate answers from its own
// disk and exchanges events with the laptops it is connected to, so no
// single laptop or link can stop a gate or lose a count.
//
// Both ends of a connection run Exchange: each says which events of every
// station it holds without a gap (db.Heads), sends what the other lacks,
// then follows its own log and sends each new event as it is stored, its
// own check-ins and those that came from a third laptop alike (so a chain
// relays). What arrives is merged like `hadir merge`: a union by event ID
// after the same checks, so an event sent twice is stored once.
package peer

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/model"
)

// Subsystem is the SSH subsystem a peer asks for on `hadir serve`.
const Subsystem = "hadir-sync"

// protocolVersion changes when a message changes meaning.
const protocolVersion = 1

const (
	batchSize = 500     // events per message
	maxLine   = 8 << 20 // bytes per message: a batch of events capped as a merge caps them
	// A quiet link says so every heartbeat; a link silent for silence is
	// taken as down (a Wi-Fi that dropped leaves a TCP connection open for
	// minutes), so the footer says offline and the link is tried again.
	heartbeat = 2 * time.Second
	silence   = 10 * time.Second
)

// message is one line of the exchange.
type message struct {
	Hello   *hello            `json:"hello,omitempty"`
	Events  []model.Event     `json:"events,omitempty"`
	Roster  []db.RosterRecord `json:"roster,omitempty"`  // records imports wrote (db.MergeRoster)
	Refused string            `json:"refused,omitempty"` // why the other side stopped
}

type hello struct {
	Version int      `json:"version"`
	Origin  string   `json:"origin"`  // the store this one was copied from (db.Store.Origin)
	Station string   `json:"station"` // its human name, for the log and the footer
	Heads   db.Heads `json:"heads"`
	Roster  string   `json:"roster"` // db.Store.RosterDigest: equal, no roster is sent
	// Key and Sig prove, on the serving side, that it holds a peer key:
	// Sig signs the SSH session's ID (see Proof).
	Key string           `json:"key,omitempty"`
	Sig *gossh.Signature `json:"sig,omitempty"`
}

// Proof is how the side that is dialled shows who it is, inside the
// channel: it signs the SSH session's ID (the same at both ends, and new for
// every connection) with its peer key; the side that dials, when it keeps a
// list of its peers (a serving laptop's --authorized-keys), takes events only
// from a key on it. A gate without a list trusts the address's host key on
// first use instead (Link).
type Proof struct {
	Session []byte                     // the SSH session's ID
	Signer  gossh.Signer               // this side's peer key: sign with it
	Trust   func(gossh.PublicKey) bool // the keys this side takes events from; nil: no check here
}

// ErrNotPeer is the answer when the other laptop cannot show a key listed
// here as a peer.
var ErrNotPeer = errors.New("the other laptop's key is not listed here with the role peer, so nothing is taken from it; add its `hadir peer key` line to this laptop's --authorized-keys")

func proofMessage(session []byte) []byte { return append([]byte("hadir-sync\x00"), session...) }

// sign fills in this side's proof, when it has a key to give.
func (p Proof) sign(h *hello) error {
	if p.Signer == nil {
		return nil
	}
	sig, err := p.Signer.Sign(rand.Reader, proofMessage(p.Session))
	if err != nil {
		return err
	}
	h.Key = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.Signer.PublicKey())))
	h.Sig = sig
	return nil
}

// check verifies the other side's proof, when this side keeps a list.
func (p Proof) check(h hello) error {
	if p.Trust == nil {
		return nil
	}
	key, _, _, _, err := gossh.ParseAuthorizedKey([]byte(h.Key))
	if err != nil || h.Sig == nil || key.Verify(proofMessage(p.Session), h.Sig) != nil || !p.Trust(key) {
		return ErrNotPeer
	}
	return nil
}

// ErrOtherRoster is the answer when the two stores were not copied from one
// store: their rosters may differ, so their events must not mix.
var ErrOtherRoster = errors.New("the two laptops' stores were not copied from the same store (their rosters may differ), so they do not sync; copy the main laptop's store to this one (hadir backup onto a USB stick) and start again")

// Refused is an error the other side sent: it stopped the exchange.
type Refused struct{ Reason string }

func (r *Refused) Error() string { return "the other laptop refused: " + r.Reason }

// Exchange syncs st with the laptop at the other end of conn until ctx ends
// or the connection fails. from is who the other side is (role peer, its
// station name); what it sends is merged in its name. progress, if not nil,
// is told when events go out or come in.
func Exchange(ctx context.Context, st *db.Store, conn io.ReadWriteCloser, from db.Actor, progress func(sentUpTo uint64, received int), proof Proof) error {
	origin, err := st.Origin()
	if err != nil {
		return err
	}
	out := &writer{w: conn}
	// Both sides speak first: the hello goes out while theirs is read, or
	// two ends on an unbuffered link would wait for each other for good.
	digest, err := st.RosterDigest()
	if err != nil {
		return err
	}
	mine := &hello{Version: protocolVersion, Origin: origin, Station: st.StationName(), Heads: st.Heads(), Roster: digest}
	if err := proof.sign(mine); err != nil {
		return err
	}
	helloSent := make(chan error, 1)
	go func() { helloSent <- out.send(message{Hello: mine}) }()
	in := newScanner(conn)
	theirs, err := readHello(in)
	if err != nil {
		return err
	}
	if err := <-helloSent; err != nil {
		return err
	}
	if err := proof.check(theirs); err != nil {
		_ = out.send(message{Refused: "this laptop does not list yours as a peer: add your `hadir peer key` line to its --authorized-keys"})
		return err
	}
	if theirs.Origin != origin {
		_ = out.send(message{Refused: ErrOtherRoster.Error()})
		return ErrOtherRoster
	}
	if from.Station == "" {
		from.Station = theirs.Station
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := &received{ids: map[string]bool{}, roster: theirs.Roster}
	sendErr := make(chan error, 1)
	go func() { sendErr <- sendLoop(ctx, st, out, theirs.Heads, got, progress) }()

	heard := make(chan struct{}, 1)
	go watch(ctx, conn, heard)
	readErr := receiveLoop(st, in, out, from, got, func(sent uint64, n int) {
		select {
		case heard <- struct{}{}:
		default:
		}
		if progress != nil {
			progress(sent, n)
		}
	})
	cancel()
	if readErr != nil {
		return readErr
	}
	return <-sendErr
}

// newScanner reads one message a line, each at most maxLine bytes.
func newScanner(r io.Reader) *bufio.Scanner {
	in := bufio.NewScanner(r)
	in.Buffer(make([]byte, 64<<10), maxLine)
	return in
}

// watch closes conn when nothing was heard for silence, which ends the
// exchange: the link is down, whatever TCP thinks.
func watch(ctx context.Context, conn io.Closer, heard <-chan struct{}) {
	t := time.NewTimer(silence)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-heard:
			t.Reset(silence)
		case <-t.C:
			conn.Close()
			return
		}
	}
}

func readHello(in *bufio.Scanner) (hello, error) {
	var m message
	if err := readMessage(in, &m); err != nil {
		return hello{}, err
	}
	switch {
	case m.Refused != "":
		return hello{}, &Refused{Reason: m.Refused}
	case m.Hello == nil:
		return hello{}, errors.New("the other side is not a hadir peer (no hello)")
	case m.Hello.Version != protocolVersion:
		return hello{}, fmt.Errorf("the other laptop runs another version of hadir's sync (%d, this one %d); run the same hadir on both", m.Hello.Version, protocolVersion)
	}
	return *m.Hello, nil
}

func readMessage(in *bufio.Scanner, m *message) error {
	if !in.Scan() {
		if err := in.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				return fmt.Errorf("a message from the other laptop is over %d MB; nothing of it was stored", maxLine>>20)
			}
			return err
		}
		return io.EOF
	}
	if err := json.Unmarshal(in.Bytes(), m); err != nil {
		return fmt.Errorf("a message from the other laptop is unreadable (%v); nothing of it was stored", err)
	}
	return nil
}

// received remembers what came from the other side on this connection, so
// it is not sent back when it shows up in this store's log.
type received struct {
	mu     sync.Mutex
	ids    map[string]bool
	roster string // the roster digest both sides are known to share
}

func (r *received) rosterDigest() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.roster
}

func (r *received) setRoster(digest string) {
	r.mu.Lock()
	r.roster = digest
	r.mu.Unlock()
}

func (r *received) add(events []model.Event) {
	r.mu.Lock()
	for _, e := range events {
		r.ids[e.ID] = true
	}
	r.mu.Unlock()
}

func (r *received) has(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ids[id]
}

// receiveLoop merges what the other side sends. A batch the checks refuse
// changes nothing; the other side is told why and the exchange ends.
func receiveLoop(st *db.Store, in *bufio.Scanner, out *writer, from db.Actor, got *received, progress func(uint64, int)) error {
	for {
		var m message
		if err := readMessage(in, &m); err != nil {
			return err
		}
		if m.Refused != "" {
			return &Refused{Reason: m.Refused}
		}
		if len(m.Roster) > 0 {
			if _, err := st.MergeRoster(m.Roster, from); err != nil {
				_ = out.send(message{Refused: err.Error()})
				return fmt.Errorf("refused the roster %s sent: %w", from.Station, err)
			}
			progress(0, 0)
		}
		if len(m.Events) == 0 { // a heartbeat, or a roster
			progress(0, 0)
			continue
		}
		got.add(m.Events) // before the merge: the log may show them to sendLoop at once
		if _, err := st.Merge(m.Events, from); err != nil {
			_ = out.send(message{Refused: err.Error()})
			return fmt.Errorf("refused what %s sent: %w", from.Station, err)
		}
		progress(0, len(m.Events))
	}
}

// sendLoop sends what the other side lacks, then every event this store
// receives from now on, as it is stored.
func sendLoop(ctx context.Context, st *db.Store, out *writer, heads db.Heads, got *received, progress func(uint64, int)) error {
	changes, stop := st.Subscribe()
	defer stop()
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	events, pos, err := st.Missing(heads)
	if err != nil {
		return err
	}
	for {
		if err := sendRoster(st, out, got); err != nil {
			return err
		}
		var fresh []model.Event
		for _, e := range events {
			if !got.has(e.ID) {
				fresh = append(fresh, e)
			}
		}
		for len(fresh) > 0 {
			n := min(batchSize, len(fresh))
			if err := out.send(message{Events: fresh[:n]}); err != nil {
				return err
			}
			fresh = fresh[n:]
		}
		if progress != nil {
			progress(pos, 0)
		}
		if more, err := nextChange(ctx, changes, beat.C, out); !more {
			return err
		}
		if events, pos, err = st.LogAfter(pos); err != nil {
			return err
		}
	}
}

// sendRoster sends the stamped records when this store's roster differs
// from what the other side is known to hold; the other keeps the newer of
// each, so a record sent back and forth settles.
func sendRoster(st *db.Store, out *writer, got *received) error {
	digest, err := st.RosterDigest()
	if err != nil || digest == got.rosterDigest() {
		return err
	}
	recs, err := st.StampedRoster()
	if err != nil {
		return err
	}
	for len(recs) > 0 {
		n := min(batchSize, len(recs))
		if err := out.send(message{Roster: recs[:n]}); err != nil {
			return err
		}
		recs = recs[n:]
	}
	got.setRoster(digest)
	return nil
}

// nextChange waits for the store to change, sending a heartbeat at each
// beat meanwhile; false when the exchange is over.
func nextChange(ctx context.Context, changes <-chan struct{}, beat <-chan time.Time, out *writer) (bool, error) {
	for {
		select {
		case <-ctx.Done():
			return false, nil
		case <-beat:
			if err := out.send(message{}); err != nil {
				return false, err
			}
		case _, ok := <-changes:
			return ok, nil
		}
	}
}

// writer sends one message a line; the two loops share it.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *writer) send(m message) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err = w.w.Write(append(data, '\n'))
	return err
}
