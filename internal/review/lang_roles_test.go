package review_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/internal/review"
)

func TestParseLangCanonicalises(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"},
		{"EN", "en"},
		{"EN-us", "en-US"},
		{"pt-br", "pt-BR"},
		{"zh-hant-tw", "zh-Hant-TW"},
		{"ko", "ko"},
		{"es-419", "es-419"},
		// golang.org/x/text accepts "_" as a separator and canonicalises it.
		{"en_US", "en-US"},
		{"pt_br", "pt-BR"},
		// Deprecated codes become their current ones.
		{"iw", "he"},
	}
	for _, tc := range tests {
		got, err := review.ParseLang("source_lang", tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseLangRefuses(t *testing.T) {
	for _, in := range []string{"", "   ", "und", "english", "12", "en-", "en--US", " en", "e", "en US", "fr/FR"} {
		got, err := review.ParseLang("target_lang", in)
		if !errors.Is(err, review.ErrMalformed) {
			t.Errorf("ParseLang(%q) = %q, %v; want ErrMalformed", in, got, err)
			continue
		}
		if got != "" {
			t.Errorf("ParseLang(%q) returned %q with its error, want \"\"", in, got)
		}
		var pub *review.Error
		if !errors.As(err, &pub) || !strings.Contains(pub.Message(), "target_lang") {
			t.Errorf("ParseLang(%q) error %v should be a *review.Error naming the field", in, err)
		}
	}
}

// Tags that parse but name no language ("und" with a script or region, or only a
// private-use part) are as languageless as "und" itself, which ParseLang refuses.
func TestParseLangRefusesTagsWithoutLanguage(t *testing.T) {
	for _, in := range []string{"und-US", "und-Latn", "x-foo", "und-x-foo"} {
		if got, err := review.ParseLang("source_lang", in); !errors.Is(err, review.ErrMalformed) {
			t.Errorf("ParseLang(%q) = %q, %v; want ErrMalformed (no language subtag)", in, got, err)
		}
	}
}

func TestCan(t *testing.T) {
	actions := []struct {
		name string
		a    review.Action
	}{
		{"read", review.ActRead},
		{"export", review.ActExport},
		{"import", review.ActImport},
		{"edit", review.ActEdit},
		{"manage users", review.ActManageUsers},
	}
	allowed := map[string][]bool{ // in the order of actions above
		review.RoleAdmin:    {true, true, true, true, true},
		review.RoleReviewer: {true, true, true, true, false},
		review.RoleViewer:   {true, true, false, false, false},
		"":                  {false, false, false, false, false},
		"Admin":             {false, false, false, false, false},
		"owner":             {false, false, false, false, false},
	}
	for role, want := range allowed {
		for i, act := range actions {
			if got := review.Can(role, act.a); got != want[i] {
				t.Errorf("Can(%q, %s) = %v, want %v", role, act.name, got, want[i])
			}
		}
	}
	// An action outside the known list is never allowed to non-admins.
	if review.Can(review.RoleViewer, review.Action(99)) {
		t.Error("Can(viewer, 99) = true")
	}
}

func TestValidRoleAndState(t *testing.T) {
	for _, r := range review.Roles {
		if !review.ValidRole(r) {
			t.Errorf("ValidRole(%q) = false", r)
		}
	}
	if len(review.Roles) != 3 {
		t.Errorf("Roles = %v, want admin, reviewer, viewer", review.Roles)
	}
	for _, r := range []string{"", "Admin", "owner", "viewer "} {
		if review.ValidRole(r) {
			t.Errorf("ValidRole(%q) = true", r)
		}
	}
	for _, s := range []string{"mt", "draft", "approved", "rejected"} {
		if !review.ValidState(s) {
			t.Errorf("ValidState(%q) = false", s)
		}
	}
	for _, s := range []string{"", "MT", "done"} {
		if review.ValidState(s) {
			t.Errorf("ValidState(%q) = true", s)
		}
	}
}
