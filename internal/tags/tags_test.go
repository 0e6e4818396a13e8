package tags

import (
	"errors"
	"testing"
)

func TestScan(t *testing.T) {
	s := "See {1}the {2}report{/2}{/1} at {3/} and {x} {0} {1234} {/}."
	var got []string
	for _, tok := range Scan(s) {
		got = append(got, s[tok.Start:tok.End])
	}
	want := []string{"{1}", "{2}", "{/2}", "{/1}", "{3/}"}
	if len(got) != len(want) {
		t.Fatalf("Scan = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Scan = %q, want %q", got, want)
		}
	}
	if Strip(s) != "See the report at  and {x} {0} {1234} {/}." {
		t.Errorf("Strip = %q", Strip(s))
	}
}

func TestCheck(t *testing.T) {
	orig := "{1}Bold{/1} and {2}link{/2}{3/}"
	cases := []struct {
		text, reason string
	}{
		{"{2}link{/2} and {1}bold{/1}{3/}", ""},
		{"{1}Bold{/1} and link{3/}", "missing"},
		{"{1}Bold{/1} and {2}link{/2}{3/}{4/}", "extra"},
		{"{1}Bold and {2}link{/1}{/2}{3/}", "crossed"},
		{"{/1}Bold{1} and {2}link{/2}{3/}", "unopened"},
		{"{1}Bold{/1}{1} and {2}link{/2}{3/}", "twice"},
	}
	for _, c := range cases {
		err := Check(orig, c.text, nil)
		var te *Error
		switch {
		case c.reason == "" && err != nil:
			t.Errorf("Check(%q) = %v, want nil", c.text, err)
		case c.reason != "" && (!errors.As(err, &te) || te.Reason != c.reason):
			t.Errorf("Check(%q) = %v, want %s", c.text, err, c.reason)
		}
	}
	if err := Balanced("{1}open"); err == nil || err.Error() != "tag {1} is not closed" {
		t.Errorf("Balanced unclosed = %v", err)
	}
}

func TestDepths(t *testing.T) {
	s := "A {1}b. C{/1}. D"
	toks := Scan(s)
	d := Depths(toks)
	// Offset 7 lies after {1} (token 0) and before {/1}: one pair open.
	if n := d[1]; n != 1 || toks[0].Start >= 7 || toks[1].Start < 7 {
		t.Errorf("depth inside = %d", n)
	}
	if n := d[len(toks)]; n != 0 {
		t.Errorf("depth after = %d", n)
	}
}
