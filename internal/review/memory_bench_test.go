package review_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// Word lists for news-like sentences: a memory built from them has trigrams
// shared the way real sentences share them (common words everywhere, names and
// numbers rare), without two entries being the same.
var (
	benchSubjects = strings.Split("The minister|The prime minister|A spokesman for the company|Local residents|"+
		"The city council|Police officers|The central bank|Opposition leaders|The health authority|Farmers|"+
		"The football club|Teachers' unions|The regional government|Scientists at the university|The airline|"+
		"Hospital staff|The foreign ministry|Shareholders|The court|Firefighters|The mayor of the town|"+
		"Environmental groups|The energy company|Rail workers|The European Commission|Investigators|"+
		"The school board|Tourists|The defence minister|A group of doctors|The bank's chief executive|"+
		"Volunteers|The weather service|Parliament|The festival organisers|Several witnesses|The coach|"+
		"The committee|Residents of the old quarter|The trade union", "|")
	benchVerbs = strings.Split("announced|rejected|criticised|approved|postponed|defended|questioned|"+
		"welcomed|cancelled|proposed|presented|delayed|supported|confirmed|denied|reviewed|signed|"+
		"blocked|praised|investigated|funded|opposed|launched|suspended|extended|doubled|reduced|"+
		"published|demanded|discussed", "|")
	benchObjects = strings.Split("a new tax on fuel|the plan to close the hospital|the budget for next year|"+
		"the agreement with the unions|a report on air pollution|the reform of the pension system|"+
		"the new railway line|the contract for the bridge|a ban on plastic bags|the rise in rents|"+
		"the closure of two schools|the vaccination campaign|the sale of the stadium|the merger of the banks|"+
		"a fine for the company|the cuts to public transport|the project for a new airport|"+
		"the investigation into the fire|the price of electricity|the law on housing|the strike at the port|"+
		"the expansion of the harbour|the list of candidates|the results of the election|"+
		"a programme for young workers|the renovation of the museum|the decision on water prices|"+
		"the hiring of new nurses|the ban on night flights|the reopening of the border", "|")
	benchPlaces = strings.Split("in Madrid|in the capital|near the northern border|in the south of the country|"+
		"in Barcelona|at the town hall|in Lisbon|in the coastal region|in Brussels|across the province|"+
		"in Valencia|in the mountain villages|at a press conference|in Seville|in the industrial zone|"+
		"in Bilbao|outside the parliament|in Zaragoza|on the islands|in the old town", "|")
	benchTimes = strings.Split("on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|at the weekend|"+
		"last week|earlier this year|in March|in October|yesterday evening|this morning|after the summer|"+
		"before the holidays|last month", "|")
	benchClauses = strings.Split("after months of negotiations|despite strong opposition|"+
		"following complaints from residents|in a surprise move|amid growing concern|"+
		"without giving any details|as expected|for the second time this year|under pressure from the unions|"+
		"to the surprise of many observers|after a long debate|in response to the protests", "|")
)

// benchSentence returns a sentence of 10 to 30 words made from the lists.
func benchSentence(r *rand.Rand) string {
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	s := pick(benchSubjects) + " " + pick(benchVerbs) + " " + pick(benchObjects)
	if r.IntN(2) == 0 {
		s += " " + pick(benchPlaces)
	}
	s += " " + pick(benchTimes)
	if r.IntN(3) == 0 {
		s += ", " + pick(benchClauses)
	}
	if r.IntN(3) == 0 {
		s += fmt.Sprintf(", affecting %d people", 10+r.IntN(90000))
	}
	return s + "."
}

// benchChangeOneWord replaces one word of s by another word of the lists.
func benchChangeOneWord(r *rand.Rand, s string) string {
	words := strings.Fields(s)
	i := r.IntN(len(words) - 1) // not the last word, which carries the full stop
	words[i] = strings.Fields(benchVerbs[r.IntN(len(benchVerbs))])[0]
	return strings.Join(words, " ")
}

// benchShuffle returns the words of s in another order: the same trigrams of
// the same vocabulary, but no sentence of the memory comes near it.
func benchShuffle(r *rand.Rand, s string) string {
	words := strings.Fields(strings.TrimSuffix(s, "."))
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	return strings.Join(words, " ") + "."
}

// BenchmarkMemoryLookup measures Matches in a memory of 100,000 English → Spanish
// pairs, for queries with an exact match, with a fuzzy match (one word changed)
// and with none.
func BenchmarkMemoryLookup(b *testing.B) {
	const size = 100_000
	st, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "copydesk.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc := review.New(st)
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	entries := make([]store.MemoryEntry, 0, size)
	for len(entries) < size {
		s := benchSentence(r)
		if seen[s] {
			continue
		}
		seen[s] = true
		entries = append(entries, store.MemoryEntry{SourceLang: "en", TargetLang: "es", Source: s,
			Target: "ES: " + s})
	}
	start := time.Now()
	if _, err := st.ImportMemory(b.Context(), entries); err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d pairs in %v", size, time.Since(start).Round(time.Millisecond))

	queries := map[string][]string{}
	for range 200 {
		e := entries[r.IntN(size)].Source
		queries["exact"] = append(queries["exact"], e)
		queries["fuzzy"] = append(queries["fuzzy"], benchChangeOneWord(r, e))
		queries["none"] = append(queries["none"], benchShuffle(r, e))
	}
	for _, name := range []string{"exact", "fuzzy", "none"} {
		qs := queries[name]
		found := 0
		for _, q := range qs {
			ms, err := svc.Matches(b.Context(), "en", "es", q, 5)
			if err != nil {
				b.Fatal(err)
			}
			if len(ms) > 0 {
				found++
			}
		}
		b.Logf("%s: %d of %d queries have a match", name, found, len(qs))
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := svc.Matches(b.Context(), "en", "es", qs[i%len(qs)], 5); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
