package qa_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/internal/qa"
)

// FuzzCheck runs every check on arbitrary segments: none may panic, every
// span lies in the target on rune boundaries, and every fix, alone or all
// together, leaves valid UTF-8.
func FuzzCheck(f *testing.F) {
	seeds := []struct{ src, tgt, source, target, term string }{
		{"en", "fr", `He said "hello" (twice): don’t!`, "Il a dit « bonjour » (deux fois)\u00a0: non\u202f!", "hello=bonjour"},
		{"en", "fr", "“He said yes.", "«\u00a0Il a dit oui.", ""},
		{"en", "fr-CA", "Why? Note: yes!", "Pourquoi ? Note: oui !", ""},
		{"en", "fr-CH", "He said ‘no’.", "Il a dit ‹non›.", ""},
		{"fr", "en", "« Il a dit “non” », a-t-elle dit.", "«He said „no“» , she said .", "non=no"},
		{"en", "en-GB", "“He said ‘no’,” she said.", "‘He said “no”,’ she said.", ""},
		{"en", "de", "He said “hello” at 12:30.", "Er sagte “Hallo” um 12:30 Uhr, z. B. 1.250,5.", "hello=Hallo"},
		{"en", "de-CH", "Street", "Strasse «Hallo» ‹ja› 1’000", ""},
		{"en", "es", "“Why?” he asked...", "¿ Por qué ? , preguntó ...", ""},
		{"en", "es-MX", "“Why?”", "“¿Por qué?”", ""},
		{"en", "it", "a bit of Italy", "un po’ dell’Italia …", ""},
		{"en", "pt", "He said “hi”.", "Disse \"olá\".", ""},
		{"en", "pt-BR", "He said “hi”.", "Disse «olá».", ""},
		{"en", "nl", "in the evening", "’s avonds „hallo” zo’n", ""},
		{"en", "ko", "He said “hello”.", "그는 ‘안녕’이라고 말했다 !", ""},
		{"ko", "en", "그는 “안녕”이라고 말했다.", "He said “hello”.", ""},
		{"en", "ja", "Hello, world. (Really?)", "こんにちは, 世界. （本当？） 「 はい 」", ""},
		{"ja", "en", "「こんにちは」", "“Hello”", ""},
		{"en", "zh", "He said: “Hello.”", "他说: “你好.” 【注】 《书》", ""},
		{"en", "zh-Hant", "Hello, world!", "你好, 世界! 「你好」", ""},
		{"en", "en", "", "  Hello  world ,see http://x.com/a?b=c,d or a.b@c.com :) 5'10\" ’90s rock 'n' roll  ", ""},
		{"", "", "", "<a href=\"x\">link</a> `code (` [x](y) {0} %s", ""},
		{"en", "xx", "x", "'\"‘’“”„‚«»‹›「」『』（）【】〔〕《》〈〉()[]{}", ""},
		{"en", "fr", "x", "«»«»»«‹›:;!?…...,", ""},
		{"en", "fr", "x", "\u00a0\u202f \u3000\t\n\ufeff\u200b", ""},
		{"und", "fr", "", "é\u0301'\u0301\"\u0301«\u0301", ""},
	}
	for _, s := range seeds {
		f.Add(s.src, s.tgt, s.source, s.target, s.term)
	}
	f.Fuzz(func(t *testing.T, srcLang, tgtLang, source, target, term string) {
		source = strings.ToValidUTF8(source, "\uFFFD")
		target = strings.ToValidUTF8(target, "\uFFFD")
		in := qa.Input{SourceLang: srcLang, TargetLang: tgtLang, Source: source, Target: target}
		if a, b, ok := strings.Cut(strings.ToValidUTF8(term, "\uFFFD"), "="); ok {
			in.Glossary = []qa.Term{{Source: a, Target: b}}
		}
		issues := qa.Check(in)
		for _, is := range issues {
			if is.Start < 0 || is.Start > is.End || is.End > len(target) {
				t.Fatalf("%s: span [%d:%d] outside a target of %d bytes: %q", is.Check, is.Start, is.End, len(target), target)
			}
			if is.Start < len(target) && !utf8.RuneStart(target[is.Start]) || is.End < len(target) && !utf8.RuneStart(target[is.End]) {
				t.Fatalf("%s: span [%d:%d] not on rune boundaries: %q", is.Check, is.Start, is.End, target)
			}
			if fixed, ok := qa.Apply(target, is); ok && !utf8.ValidString(fixed) {
				t.Fatalf("%s: fix %q makes invalid UTF-8 of %q", is.Check, *is.Fix, target)
			}
			if is.Fix != nil && strings.ContainsRune(*is.Fix, 0) && !strings.ContainsRune(target, 0) {
				t.Fatalf("%s: fix %q brings in a NUL: %q", is.Check, *is.Fix, target)
			}
		}
		if fixed, _ := qa.ApplyAll(target, issues); !utf8.ValidString(fixed) {
			t.Fatalf("fixes together make invalid UTF-8 of %q: %q", target, fixed)
		}
	})
}
