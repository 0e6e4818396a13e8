package mt

import (
	"context"
	"sync"
	"time"
)

// pairTTL is how long a provider's or a set's list of pairs is kept.
const pairTTL = time.Minute

// pairTable is a provider's pairs with, for each, the provider's own codes
// of its source and target.
type pairTable struct {
	pairs  []Pair
	native map[Pair][2]string
}

// add records a pair and its native codes; a pair seen twice keeps the
// first codes.
func (t *pairTable) add(p Pair, source, target string) {
	if t.native == nil {
		t.native = map[Pair][2]string{}
	}
	if _, ok := t.native[p]; ok || p.Source == p.Target {
		return
	}
	t.native[p] = [2]string{source, target}
	t.pairs = append(t.pairs, p)
}

// pairCache keeps a provider's pair table for pairTTL.
type pairCache struct {
	mu    sync.Mutex
	at    time.Time
	table pairTable
}

// get returns the cached table or loads it again. A failed load is not
// cached.
func (c *pairCache) get(ctx context.Context, load func(context.Context) (pairTable, error)) (pairTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < pairTTL {
		return c.table, nil
	}
	t, err := load(ctx)
	if err != nil {
		return pairTable{}, err
	}
	sortPairs(t.pairs)
	c.table, c.at = t, time.Now()
	return t, nil
}

// resolve finds the native codes a request from→to uses in table.
func (t pairTable) resolve(from, to string) ([2]string, bool) {
	p, ok := match(t.pairs, from, to)
	if !ok {
		return [2]string{}, false
	}
	return t.native[p], true
}

// parallel runs fn(ctx, i) for i in [0, n) with at most limit running at
// once, and returns the first error; the others are cancelled then.
func parallel(ctx context.Context, n, limit int, fn func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := fn(ctx, i); err != nil {
				once.Do(func() { first = err; cancel(err) })
			}
		})
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return context.Cause(ctx)
}
