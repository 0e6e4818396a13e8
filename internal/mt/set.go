package mt

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Set is the configured providers in order of preference. Its methods are
// safe for concurrent use.
type Set struct {
	providers []Provider

	mu     sync.Mutex
	at     time.Time
	offers []Offer
	status []Status
}

// Offer is a language pair and the names of the providers that offer it, in
// order of preference.
type Offer struct {
	Pair
	Providers []string
}

// Status is what a set knows of one provider since it last asked for pairs:
// how many pairs it offers, or why it could not say.
type Status struct {
	Provider string
	Pairs    int
	Err      error
}

// NewSet returns a set of providers, the first preferred.
func NewSet(providers ...Provider) *Set {
	return &Set{providers: providers}
}

// Names returns the providers' names in order of preference.
func (s *Set) Names() []string {
	names := make([]string, len(s.providers))
	for i, p := range s.providers {
		names[i] = p.Name()
	}
	return names
}

// Provider returns the provider named name, and whether there is one.
func (s *Set) Provider(name string) (Provider, bool) {
	for _, p := range s.providers {
		if p.Name() == name {
			return p, true
		}
	}
	return nil, false
}

// Pairs returns the union of the providers' pairs, sorted, each with the
// providers that offer it. The answer is kept for a minute. A provider
// whose Pairs fails is left out and its error is kept for Status; Pairs
// fails only when every provider fails.
func (s *Set) Pairs(ctx context.Context) ([]Offer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.at.IsZero() && time.Since(s.at) < pairTTL {
		return s.offers, nil
	}
	var errs []error
	status := make([]Status, len(s.providers))
	index := map[Pair]int{}
	var offers []Offer
	for i, p := range s.providers {
		pairs, err := p.Pairs(ctx)
		status[i] = Status{Provider: p.Name(), Pairs: len(pairs), Err: err}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, pair := range pairs {
			k, ok := index[pair]
			if !ok {
				k = len(offers)
				index[pair] = k
				offers = append(offers, Offer{Pair: pair})
			}
			if !slices.Contains(offers[k].Providers, p.Name()) {
				offers[k].Providers = append(offers[k].Providers, p.Name())
			}
		}
	}
	s.status = status
	if len(s.providers) > 0 && len(errs) == len(s.providers) {
		return nil, fmt.Errorf("no machine translation provider answered: %w", errors.Join(errs...))
	}
	slices.SortFunc(offers, func(a, b Offer) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	s.offers, s.at = offers, time.Now()
	return offers, nil
}

// Status returns, for each provider in order, the outcome of the last
// refresh of Pairs; it is empty before the first.
func (s *Set) Status() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.status)
}

// For returns the first provider, in order of preference, that has the pair
// from→to, by the matching rule of the package doc. A pair no provider has is an error wrapping ErrNoPair that names
// the pair and the pairs available.
func (s *Set) For(ctx context.Context, from, to string) (Provider, error) {
	offers, err := s.Pairs(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range s.providers {
		var pairs []Pair
		for _, o := range offers {
			if slices.Contains(o.Providers, p.Name()) {
				pairs = append(pairs, o.Pair)
			}
		}
		if _, ok := match(pairs, from, to); ok {
			return p, nil
		}
	}
	all := make([]Pair, len(offers))
	for i, o := range offers {
		all[i] = o.Pair
	}
	return nil, fmt.Errorf("%w: %s→%s (available: %s)", ErrNoPair, from, to, describe(all))
}

// Translate translates texts with the provider For chooses.
func (s *Set) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	p, err := s.For(ctx, from, to)
	if err != nil {
		return nil, err
	}
	return p.Translate(ctx, from, to, texts)
}

// Offering returns the providers among offers that translate from into to,
// matching the pair as the providers match a request (the pair itself, else
// by base language: en-GB → es may use en → es); nil when none does.
func Offering(offers []Offer, from, to string) []string {
	pairs := make([]Pair, len(offers))
	for i, o := range offers {
		pairs[i] = o.Pair
	}
	p, ok := match(pairs, from, to)
	if !ok {
		return nil
	}
	for _, o := range offers {
		if o.Pair == p {
			return o.Providers
		}
	}
	return nil
}
