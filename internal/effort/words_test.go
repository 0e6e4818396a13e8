package effort

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		lang, s string
		want    []string
	}{
		{"en", "", nil},
		{"en", "  \t\n", nil},
		{"en", "Hello, world.", []string{"Hello", ",", "world", "."}},
		{"en", "don't stop—the well-known 'case'", []string{"don't", "stop", "—", "the", "well-known", "'", "case", "'"}},
		{"fr", "« l’année », 1,5\u00a0%", []string{"«", "l’année", "»", ",", "1", ",", "5", "%"}},
		{"fr", "a\u202fb\u200bc", []string{"a", "b", "c"}},
		{"de", "Straße e\u0301tude", []string{"Straße", "e\u0301tude"}},
		{"en", "I 🇫🇷 it 👍🏽!", []string{"I", "🇫🇷", "it", "👍🏽", "!"}},
		{"ja", "東京は晴れ。", []string{"東", "京", "は", "晴", "れ", "。"}},
		{"ja", "iPhoneを買ったコーヒー", []string{"iPhone", "を", "買", "っ", "た", "コ", "ー", "ヒ", "ー"}},
		{"ja", "２０２４年", []string{"２", "０", "２", "４", "年"}},
		{"en", "２０２４年", []string{"２０２４", "年"}}, // full-width digits split only in zh and ja
		{"zh-Hant", "ㄅㄆ台北", []string{"ㄅ", "ㄆ", "台", "北"}},
		{"de", "Tokio (東京) liegt", []string{"Tokio", "(", "東", "京", ")", "liegt"}},
		{"ko", "나는 학교에 갔다.", []string{"나는", "학교에", "갔다", "."}},
	}
	for _, tt := range tests {
		if got := Words(tt.lang, tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q, %q) = %q, want %q", tt.lang, tt.s, got, tt.want)
		}
	}
}

func TestIsCJKLang(t *testing.T) {
	for lang, want := range map[string]bool{
		"zh": true, "zh-Hant-TW": true, "ja_JP": true, "JA": true, "yue": true,
		"ko": false, "en": false, "": false, "zu": false,
	} {
		if got := isCJKLang(lang); got != want {
			t.Errorf("isCJKLang(%q) = %v, want %v", lang, got, want)
		}
	}
}
