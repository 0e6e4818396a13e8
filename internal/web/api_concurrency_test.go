package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// raceResult is one racing writer's answer.
type raceResult struct {
	writer int
	status int
	body   []byte
	err    error
}

// race sends every request at once (after a common start signal) and returns the
// answers in writer order. It calls no t method from the writers' goroutines.
func race(e *env, reqs []*http.Request) []raceResult {
	out := make([]raceResult, len(reqs))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, req := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res := raceResult{writer: i}
			resp, err := e.srv.Client().Do(req)
			if err == nil {
				res.status = resp.StatusCode
				res.body, err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			res.err = err
			out[i] = res
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// TestAPINoLostUpdate: N writers PUT different texts to one segment on the same
// version, round after round. Each round exactly one wins; every loser gets 409 with
// the winner's segment; the history holds each winning text once, versions 1..n.
func TestAPINoLostUpdate(t *testing.T) {
	t.Parallel()
	const writers, rounds = 20, 8
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Race", SourceLang: "en", TargetLang: "fr",
		Segments: []segIn{{Source: "Race.", Target: "Course."}, {Source: "Bystander.", Target: "Témoin."}}})
	segs := e.segments(t, doc.ID)
	id := segs[0].ID

	var winners []string
	for round := 1; round <= rounds; round++ {
		cur := e.segments(t, doc.ID)[0] // everyone reads the current version, then races
		reqs := make([]*http.Request, writers)
		texts := make([]string, writers)
		for w := range reqs {
			texts[w] = fmt.Sprintf("Round %d, writer %d: été à 해변.", round, w)
			token := e.reviewer
			if w%2 == 1 {
				token = e.admin
			}
			reqs[w] = e.newRequest(t, http.MethodPut, segPath(id, ""), token, map[string]any{"target": texts[w], "version": cur.Version})
		}
		var won []apiSegment
		var lost []apiError
		for _, r := range race(e, reqs) {
			if r.err != nil {
				t.Fatalf("round %d writer %d: %v", round, r.writer, r.err)
			}
			switch r.status {
			case http.StatusOK:
				var sg apiSegment
				if err := json.Unmarshal(r.body, &sg); err != nil {
					t.Fatalf("round %d writer %d: %v: %s", round, r.writer, err, r.body)
				}
				if sg.Target != texts[r.writer] || sg.Version != cur.Version+1 || sg.State != "draft" {
					t.Errorf("round %d writer %d won with %+v, want its own text at version %d", round, r.writer, sg, cur.Version+1)
				}
				won = append(won, sg)
			case http.StatusConflict:
				var eb apiError
				if err := json.Unmarshal(r.body, &eb); err != nil || eb.Segment == nil || eb.Error == "" {
					t.Fatalf("round %d writer %d: 409 body %s (%v)", round, r.writer, r.body, err)
				}
				lost = append(lost, eb)
			default:
				t.Errorf("round %d writer %d: status %d, want 200 or 409; body %s", round, r.writer, r.status, r.body)
			}
		}
		if len(won) != 1 || len(lost) != writers-1 {
			t.Fatalf("round %d: %d writers won and %d got 409, want 1 and %d", round, len(won), len(lost), writers-1)
		}
		for _, l := range lost {
			if *l.Segment != won[0] {
				t.Errorf("round %d: 409 carries %+v, want the winner's segment %+v", round, *l.Segment, won[0])
			}
		}
		winners = append(winners, won[0].Target)
	}

	final := e.segments(t, doc.ID)
	n := rounds + 1
	if final[0].Version != n || final[0].Target != winners[len(winners)-1] || final[0].State != "draft" {
		t.Errorf("segment = %+v, want version %d with the last winner's text", final[0], n)
	}
	if final[1] != segs[1] {
		t.Errorf("the other segment changed: %+v, was %+v", final[1], segs[1])
	}
	revs := e.revisions(t, id)
	if len(revs) != n {
		t.Fatalf("%d revisions, want %d (import + one per round)", len(revs), n)
	}
	seen := map[string]int{}
	for i, rv := range revs {
		if rv.Version != i+1 {
			t.Errorf("revision %d has version %d; versions must be 1..%d in order", i, rv.Version, n)
		}
		seen[rv.Text]++
		if i > 0 && (rv.Text != winners[i-1] || rv.Kind != "edit" || rv.State != "draft") {
			t.Errorf("revision %d = %+v, want the edit %q of round %d", i+1, rv, winners[i-1], i)
		}
	}
	for _, w := range winners {
		if seen[w] != 1 {
			t.Errorf("winning text %q appears %d times in the history, want once", w, seen[w])
		}
	}
}

// TestAPIConcurrentApprove: approvers racing on one version: one 200, the rest 409
// (not 422: they lost on the version before any rule was looked at), one revision.
func TestAPIConcurrentApprove(t *testing.T) {
	t.Parallel()
	const writers = 20
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Race", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)})
	id := e.segments(t, doc.ID)[0].ID
	reqs := make([]*http.Request, writers)
	for w := range reqs {
		path, body := segPath(id, "/approve"), map[string]any{"version": 1}
		if w%3 == 0 {
			path, body = segPath(id, "/reject"), map[string]any{"version": 1, "reason": fmt.Sprintf("Writer %d says no.", w)}
		}
		reqs[w] = e.newRequest(t, http.MethodPost, path, e.reviewer, body)
	}
	statuses := map[int]int{}
	for _, r := range race(e, reqs) {
		if r.err != nil {
			t.Fatalf("writer %d: %v", r.writer, r.err)
		}
		statuses[r.status]++
	}
	if statuses[http.StatusOK] != 1 || statuses[http.StatusConflict] != writers-1 {
		t.Errorf("statuses = %v, want one 200 and %d 409", statuses, writers-1)
	}
	revs := e.revisions(t, id)
	sg := e.segments(t, doc.ID)[0]
	if len(revs) != 2 || sg.Version != 2 || revs[1].State != sg.State || revs[1].Reason != sg.Reason {
		t.Errorf("segment %+v with history %+v, want exactly one approve or reject at version 2", sg, revs)
	}
}
