package effort

import "testing"

func TestSeverityWeight(t *testing.T) {
	for s, want := range map[string]int{"minor": 1, "major": 5, "critical": 10, "": 0, "Major": 0, "neutral": 0} {
		if got := SeverityWeight(s); got != want {
			t.Errorf("SeverityWeight(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, c := range Categories {
		if !ValidCategory(c) {
			t.Errorf("ValidCategory(%q) = false", c)
		}
	}
	for _, c := range []string{"", "Accuracy", "locale convention", "minor"} {
		if ValidCategory(c) {
			t.Errorf("ValidCategory(%q) = true", c)
		}
	}
	for _, s := range Severities {
		if !ValidSeverity(s) || SeverityWeight(s) == 0 {
			t.Errorf("severity %q: not valid or weightless", s)
		}
	}
	for _, s := range []string{"", "Critical", "accuracy"} {
		if ValidSeverity(s) {
			t.Errorf("ValidSeverity(%q) = true", s)
		}
	}
}
