package textdiff_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"copydesk/internal/textdiff"
)

func eq(s string) textdiff.Op  { return textdiff.Op{Kind: textdiff.Equal, Text: s} }
func ins(s string) textdiff.Op { return textdiff.Op{Kind: textdiff.Insert, Text: s} }
func del(s string) textdiff.Op { return textdiff.Op{Kind: textdiff.Delete, Text: s} }

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []textdiff.Op
	}{
		{"both empty", "", "", []textdiff.Op{}},
		{"identical", "Hello, world.", "Hello, world.", []textdiff.Op{eq("Hello, world.")}},
		{"empty old", "", "New text.", []textdiff.Op{ins("New text.")}},
		{"empty new", "Old text.", "", []textdiff.Op{del("Old text.")}},
		{"space before comma", "said , he", "said, he",
			[]textdiff.Op{eq("said"), del(" "), eq(", he")}},
		{"quote marks", "« x »", "“x”",
			[]textdiff.Op{del("« "), ins("“"), eq("x"), del(" »"), ins("”")}},
		{"word replaced", "The cat sat on the mat.", "The dog sat on the mat.",
			[]textdiff.Op{eq("The "), del("cat"), ins("dog"), eq(" sat on the mat.")}},
		{"doubled word", "the the cat", "the cat",
			[]textdiff.Op{eq("the "), del("the "), eq("cat")}},
		{"phrase replaced", "the old cat", "a new dog",
			[]textdiff.Op{del("the old cat"), ins("a new dog")}},
		{"phrase replaced mid-sentence", "I saw the old cat today.", "I saw a new dog today.",
			[]textdiff.Op{eq("I saw "), del("the old cat"), ins("a new dog"), eq(" today.")}},
		{"replacement then insertion", "the old cat", "a new big cat",
			[]textdiff.Op{del("the old"), ins("a new big"), eq(" cat")}},
		{"insertion", "big cat", "big, fat cat",
			[]textdiff.Op{eq("big"), ins(", fat"), eq(" cat")}},
		{"two insertions stay apart", "big cat sat", "big, fat cat, sat",
			[]textdiff.Op{eq("big"), ins(","), eq(" "), ins("fat "), eq("cat"), ins(","), eq(" sat")}},
		{"two deletions stay apart", "big, fat cat, sat", "big cat sat",
			[]textdiff.Op{eq("big"), del(","), eq(" "), del("fat "), eq("cat"), del(","), eq(" sat")}},
		{"whitespace run", "a  b", "a b", []textdiff.Op{eq("a"), del("  "), ins(" "), eq("b")}},
		{"narrow no-break space", "mot :", "mot\u202f:",
			[]textdiff.Op{eq("mot"), del(" "), ins("\u202f"), eq(":")}},
		{"dash in range", "10-15 ans", "10–15 ans",
			[]textdiff.Op{eq("10"), del("-"), ins("–"), eq("15 ans")}},
		{"japanese kanji", "東京へ行く", "大阪へ行く",
			[]textdiff.Op{del("東京"), ins("大阪"), eq("へ行く")}},
		{"japanese one character", "私は学生です。", "私は先生です。",
			[]textdiff.Op{eq("私は"), del("学"), ins("先"), eq("生です。")}},
		{"chinese punctuation", "你好,世界", "你好，世界",
			[]textdiff.Op{eq("你好"), del(","), ins("，"), eq("世界")}},
		{"korean word", "나는 학생입니다", "나는 선생입니다",
			[]textdiff.Op{eq("나는 "), del("학생입니다"), ins("선생입니다")}},
		{"french elision is one word", "l’année", "l’an",
			[]textdiff.Op{del("l’année"), ins("l’an")}},
		{"french elision kept", "l’année dernière", "l’année prochaine",
			[]textdiff.Op{eq("l’année "), del("dernière"), ins("prochaine")}},
		{"apostrophe style", "l'année", "l’année",
			[]textdiff.Op{del("l'année"), ins("l’année")}},
		{"emoji modifier", "👍 ok", "👍🏽 ok",
			[]textdiff.Op{del("👍"), ins("👍🏽"), eq(" ok")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textdiff.Words(tt.a, tt.b)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q, %q)\n got %q\nwant %q", tt.a, tt.b, got, tt.want)
			}
			checkOps(t, tt.a, tt.b, got)
		})
	}
}

func TestWordsEmptyIsNotNil(t *testing.T) {
	if got := textdiff.Words("", ""); got == nil || len(got) != 0 {
		t.Errorf("Words(\"\", \"\") = %#v, want empty non-nil slice", got)
	}
}

func TestKindString(t *testing.T) {
	tests := []struct {
		kind textdiff.Kind
		want string
	}{
		{textdiff.Equal, "equal"},
		{textdiff.Insert, "insert"},
		{textdiff.Delete, "delete"},
		{textdiff.Kind(7), "Kind(7)"},
		{textdiff.Kind(-1), "Kind(-1)"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(tt.kind), got, tt.want)
		}
	}
}

func TestOpJSON(t *testing.T) {
	tests := []struct {
		op   textdiff.Op
		want string
	}{
		{eq("a b"), `{"kind":"equal","text":"a b"}`},
		{ins("“x”"), `{"kind":"insert","text":"“x”"}`},
		{del(" "), `{"kind":"delete","text":" "}`},
	}
	for _, tt := range tests {
		data, err := json.Marshal(tt.op)
		if err != nil {
			t.Fatalf("Marshal(%v): %v", tt.op, err)
		}
		if string(data) != tt.want {
			t.Errorf("Marshal(%v) = %s, want %s", tt.op, data, tt.want)
		}
		var back textdiff.Op
		if err := json.Unmarshal(data, &back); err != nil || back != tt.op {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", data, back, err, tt.op)
		}
	}
}

func TestOpJSONRefusesBadKind(t *testing.T) {
	if data, err := json.Marshal(textdiff.Op{Kind: 9, Text: "x"}); err == nil {
		t.Errorf("Marshal of kind 9 = %s, want error", data)
	}
	var op textdiff.Op
	if err := json.Unmarshal([]byte(`{"kind":"replace","text":"x"}`), &op); err == nil {
		t.Errorf("Unmarshal of kind replace succeeded: %v", op)
	}
}

// pieces is the alphabet random texts are built from: words, spaces,
// punctuation, quotes, Korean, Japanese, emoji and combining marks.
var pieces = []string{
	"the", "cat", "sat", "old", "a", "don't", "l’année", "well-known", "42", "3,5",
	" ", " ", " ", "  ", "\n", "\u00a0", "\u202f", "\t",
	",", ".", "!", "?", ":", ";", "-", "–", "'", "’", "«", "»", "“", "”", "\"", "(", ")",
	"한국어", "문장", "안녕", "日本", "語", "です", "カタカナ", "ー", "。", "、",
	"😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "e\u0301", "\u0301", "\u200d", "\u200c",
}

func randomText(r *rand.Rand, max int) []string {
	n := r.IntN(max + 1)
	out := make([]string, n)
	for i := range out {
		out[i] = pieces[r.IntN(len(pieces))]
	}
	return out
}

// mutate returns a copy of p with a few pieces deleted, inserted or replaced.
func mutate(r *rand.Rand, p []string) []string {
	out := slices.Clone(p)
	for range r.IntN(5) {
		i := r.IntN(len(out) + 1)
		switch r.IntN(3) {
		case 0:
			if i < len(out) {
				out = slices.Delete(out, i, i+1)
			}
		case 1:
			out = slices.Insert(out, i, pieces[r.IntN(len(pieces))])
		default:
			if i < len(out) {
				out[i] = pieces[r.IntN(len(pieces))]
			}
		}
	}
	return out
}

func TestWordsReconstructsRandomTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		pa := randomText(r, 40)
		pb := randomText(r, 40)
		if r.IntN(4) > 0 {
			pb = mutate(r, pa)
		}
		a, b := strings.Join(pa, ""), strings.Join(pb, "")
		checkOps(t, a, b, textdiff.Words(a, b))
		if t.Failed() {
			t.Fatalf("failed on a=%q b=%q", a, b)
		}
	}
}

func TestWordsLargeTexts(t *testing.T) {
	words := func(seed uint64, vocab []string, size int) string {
		r := rand.New(rand.NewPCG(seed, seed))
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(vocab[r.IntN(len(vocab))])
			sb.WriteString(" ")
		}
		return sb.String()[:size]
	}
	latin := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	other := []string{"one", "two", "three", "four", "five", "six", "seven", "eight"}
	x := "X" + words(1, latin, 9998) + "X"
	y := "Y" + words(2, other, 9998) + "Y"
	kana := strings.Repeat("あいうえおかきくけこ", 1000)
	kanji := strings.Repeat("東西南北上下左右前後", 1000)

	tests := []struct {
		name string
		a, b string
		want []textdiff.Op
	}{
		{"unrelated words", x, y, []textdiff.Op{del(x), ins(y)}},
		{"unrelated japanese", kana, kanji, []textdiff.Op{del(kana), ins(kanji)}},
		{"shared ends kept", "Intro. " + x + " End.", "Intro. " + y + " End.",
			[]textdiff.Op{eq("Intro. "), del(x), ins(y), eq(" End.")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textdiff.Words(tt.a, tt.b)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Words of two %d-byte texts gave %d ops, want %d", len(tt.a), len(got), len(tt.want))
			}
			checkOps(t, tt.a, tt.b, got)
		})
	}
}

func TestWordsLongParagraphDiffsPrecisely(t *testing.T) {
	// About 1,200 tokens a side: under the table limit, so edits near both
	// ends are found exactly rather than replacing everything between them.
	body := strings.Repeat("The desk reviews every segment, and nothing is lost. ", 45)
	a := "Le chat " + body + "fin."
	b := "Le chien " + body + "fin !"
	want := []textdiff.Op{eq("Le "), del("chat"), ins("chien"), eq(" " + body + "fin"), del("."), ins(" !")}
	got := textdiff.Words(a, b)
	if !slices.Equal(got, want) {
		t.Errorf("Words on a long paragraph\n got %q\nwant %q", got, want)
	}
}

func FuzzWords(f *testing.F) {
	f.Add("said , he", "said, he")
	f.Add("« x »", "“x”")
	f.Add("東京へ行く", "大阪へ行く")
	f.Add("l’année 👨‍👩‍👧", "l'an 👍🏽")
	f.Add("a\xffb", "a\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkOps(t, a, b, textdiff.Words(a, b))
	})
}

// checkOps checks that ops rebuild a and b exactly and are in tidy form.
func checkOps(t *testing.T, a, b string, ops []textdiff.Op) {
	t.Helper()
	var olda, newb strings.Builder
	for i, op := range ops {
		if op.Text == "" {
			t.Errorf("op %d has empty text: %q", i, ops)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(op.Text) {
			t.Errorf("op %d splits a character: %q", i, op.Text)
		}
		if i > 0 && ops[i-1].Kind == op.Kind {
			t.Errorf("ops %d and %d share kind %v: %q", i-1, i, op.Kind, ops)
		}
		if i > 0 && ops[i-1].Kind == textdiff.Insert && op.Kind == textdiff.Delete {
			t.Errorf("op %d: insert before delete: %q", i, ops)
		}
		switch op.Kind {
		case textdiff.Equal:
			olda.WriteString(op.Text)
			newb.WriteString(op.Text)
			if isSpace(op.Text) && i > 0 && i+1 < len(ops) {
				left, right := changeKinds(ops[:i], -1), changeKinds(ops[i+1:], 1)
				if !(len(left) == 1 && slices.Equal(left, right)) {
					t.Errorf("op %d: whitespace %q left between %v and %v", i, op.Text, left, right)
				}
			}
		case textdiff.Delete:
			olda.WriteString(op.Text)
		case textdiff.Insert:
			newb.WriteString(op.Text)
		default:
			t.Errorf("op %d has kind %v", i, op.Kind)
		}
	}
	if olda.String() != a {
		t.Errorf("equal+delete = %q, want %q", olda.String(), a)
	}
	if newb.String() != b {
		t.Errorf("equal+insert = %q, want %q", newb.String(), b)
	}
}

// changeKinds returns the kinds of the change ops next to an Equal: the last
// ones of ops when dir is -1, the first ones when dir is 1.
func changeKinds(ops []textdiff.Op, dir int) []textdiff.Kind {
	var kinds []textdiff.Kind
	for k := range ops {
		i := k
		if dir < 0 {
			i = len(ops) - 1 - k
		}
		if ops[i].Kind == textdiff.Equal {
			break
		}
		kinds = append(kinds, ops[i].Kind)
	}
	slices.Sort(kinds)
	return kinds
}

func isSpace(s string) bool {
	return s != "" && strings.TrimFunc(s, unicode.IsSpace) == ""
}

func BenchmarkWords(b *testing.B) {
	a := "Le président a déclaré, lors d’une conférence de presse à Paris , que les négociations " +
		"« avanceraient rapidement » et qu’un accord serait signé avant la fin de l’année prochaine."
	c := "Le président a déclaré, lors d’une conférence de presse à Paris, que les discussions " +
		"“avanceraient vite” et qu’un accord serait conclu avant la fin de l’année prochaine."
	b.ReportAllocs()
	for b.Loop() {
		textdiff.Words(a, c)
	}
}
