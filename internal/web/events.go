package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/textdiff"
)

// broker wakes the live pages of a translation when this instance changes one of
// its segments. Pages also poll the database every second, so changes made through
// another instance behind the same load balancer arrive too.
type broker struct {
	mu   sync.Mutex
	subs map[int64]map[chan struct{}]struct{}
	done chan struct{}
	once sync.Once
}

func newBroker() *broker {
	return &broker{subs: map[int64]map[chan struct{}]struct{}{}, done: make(chan struct{})}
}

func (b *broker) subscribe(trID int64) (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs[trID] == nil {
		b.subs[trID] = map[chan struct{}]struct{}{}
	}
	b.subs[trID][ch] = struct{}{}
	return ch, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		delete(b.subs[trID], ch)
		if len(b.subs[trID]) == 0 {
			delete(b.subs, trID)
		}
	}
}

func (b *broker) notify(trID int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs[trID] {
		select {
		case ch <- struct{}{}:
		default: // already woken
		}
	}
}

// close ends every stream, so that a graceful shutdown does not wait on them.
func (b *broker) close() { b.once.Do(func() { close(b.done) }) }

// Live-update timing.
const (
	eventPoll      = time.Second
	eventHeartbeat = 20 * time.Second
)

// segmentEvent is the data of an SSE "segment" event.
type segmentEvent struct {
	ID      int64         `json:"id"`
	Version int           `json:"version"`
	Target  string        `json:"target"`
	State   string        `json:"state"`
	Label   string        `json:"state_label"`
	Reason  string        `json:"reason,omitempty"`
	Kind    string        `json:"kind"`
	Author  string        `json:"author"`
	At      time.Time     `json:"at"`
	Diff    []textdiff.Op `json:"diff"`
	Issues  []issueJSON   `json:"issues"`
}

// commentEvent is the data of an SSE "comment" event.
type commentEvent struct {
	SegmentID int64     `json:"segment_id"`
	Author    string    `json:"author"`
	Body      string    `json:"body"`
	At        time.Time `json:"at"`
}

// segmentEvents handles GET /documents/{id}/events?lang=: a server-sent event
// stream of the translation's segment changes and comments from now on, or from the
// position ("revision-comment") in Last-Event-ID after a reconnect, or in ?since=
// (the review page passes where its segments were read).
func (s *server) segmentEvents(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	tr, err := s.svc.Translation(ctx, id, c.Query("lang"))
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	lastRev, lastCom, ok := parseEventID(c.GetHeader("Last-Event-ID"))
	if !ok {
		lastRev, lastCom, ok = parseEventID(c.Query("since"))
	}
	if !ok {
		if lastRev, err = s.svc.Store().LastRevisionID(ctx); err == nil {
			lastCom, err = s.svc.Store().LastCommentID(ctx)
		}
		if err != nil {
			s.fail(c, err, "document")
			return
		}
	}
	loc := localizer(c)
	wake, unsubscribe := s.events.subscribe(tr.ID)
	defer unsubscribe()

	w := c.Writer
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 2000\n\n")
	w.Flush()

	poll := time.NewTicker(eventPoll)
	defer poll.Stop()
	beat := time.NewTicker(eventHeartbeat)
	defer beat.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.events.done:
			return
		case <-beat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			w.Flush()
			continue
		case <-wake:
		case <-poll.C:
		}
		changes, err := s.svc.Store().ChangesSince(ctx, tr.ID, lastRev, 500)
		if err != nil {
			s.log.Error("live updates", "err", err)
			return
		}
		comments, err := s.svc.Store().CommentsSince(ctx, tr.ID, lastCom)
		if err != nil {
			s.log.Error("live updates", "err", err)
			return
		}
		for _, ch := range changes {
			lastRev = ch.RevisionID
			ev := segmentEvent{ID: ch.SegmentID, Version: ch.Version, Target: ch.Text, State: ch.State,
				Label: loc.T("state." + ch.State), Reason: ch.Reason, Kind: ch.Kind, Author: ch.Author, At: ch.CreatedAt, Diff: textdiff.Words(ch.MT, ch.Text),
				Issues: issuesJSON(loc, review.Issues(store.Segment{Issues: ch.Issues}))}
			writeEvent(w, "segment", fmt.Sprintf("%d-%d", lastRev, lastCom), ev)
		}
		for _, cm := range comments {
			lastCom = cm.ID
			writeEvent(w, "comment", fmt.Sprintf("%d-%d", lastRev, lastCom),
				commentEvent{SegmentID: cm.SegmentID, Author: cm.Author, Body: cm.Body, At: cm.CreatedAt})
		}
		if len(changes)+len(comments) > 0 {
			w.Flush()
		}
	}
}

func writeEvent(w gin.ResponseWriter, name, id string, data any) {
	b, err := json.Marshal(data)
	if err != nil {
		return
	}
	fmt.Fprintf(w, "event: %s\nid: %s\ndata: %s\n\n", name, id, b)
}

func parseEventID(s string) (rev, com int64, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	rev, err1 := strconv.ParseInt(a, 10, 64)
	com, err2 := strconv.ParseInt(b, 10, 64)
	return rev, com, err1 == nil && err2 == nil && rev >= 0 && com >= 0
}
