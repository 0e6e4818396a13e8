package web_test

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/store"
)

const memoryTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu><tuv xml:lang="en"><seg>The bridge opens today.</seg></tuv><tuv xml:lang="es"><seg>El puente abre hoy.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Schools are closed &amp; empty.</seg></tuv><tuv xml:lang="es"><seg>Las escuelas están cerradas y vacías.</seg></tuv></tu>
</body></tmx>`

func TestUIMemoryPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	b := deskLogin(t, e, "rita")
	b.get(t, "/memory").expect(t, http.StatusOK).has(t, "/memory/import")
	body, ctype := deskMultipart(b.form(), "file", "desk.tmx", []byte(memoryTMX))
	b.do(t, http.MethodPost, "/memory/import", body, ctype).expect(t, http.StatusSeeOther)
	b.get(t, "/memory?added=2").expect(t, http.StatusOK).has(t, "2 pairs added to the memory.", "English → Spanish", "/memory/export?source_lang=en&amp;target_lang=es")
	out := b.get(t, "/memory/export?source_lang=en&target_lang=es").expect(t, http.StatusOK)
	if !strings.Contains(out.body, "Schools are closed &amp; empty.") || !strings.Contains(out.body, "El puente abre hoy.") {
		t.Errorf("export = %s", out.body)
	}
	// A broken file is refused with a message and adds nothing.
	body, ctype = deskMultipart(b.form(), "file", "bad.tmx", []byte("<tmx><body><tu>"))
	b.do(t, http.MethodPost, "/memory/import", body, ctype).expect(t, http.StatusUnprocessableEntity)
	pairs := decodeBody[struct {
		Pairs []struct {
			Entries int `json:"entries"`
		} `json:"pairs"`
	}](t, e.call(t, http.MethodGet, "/api/v1/memory", e.viewer, nil).expect(t, http.StatusOK))
	if len(pairs.Pairs) != 1 || pairs.Pairs[0].Entries != 2 {
		t.Errorf("memory pairs = %+v", pairs)
	}
	// A wrong entry can be removed (API and the history panel's form); a
	// viewer may not.
	var ids []int64
	e.st.ForEachMemory(t.Context(), "en", "es", func(m store.MemoryEntry) error { ids = append(ids, m.ID); return nil })
	if len(ids) != 2 {
		t.Fatalf("memory ids = %v", ids)
	}
	e.call(t, http.MethodDelete, "/api/v1/memory/"+strconv.FormatInt(ids[0], 10), e.viewer, nil).expect(t, http.StatusForbidden)
	e.call(t, http.MethodDelete, "/api/v1/memory/"+strconv.FormatInt(ids[0], 10), e.reviewer, nil).expect(t, http.StatusNoContent)
	e.call(t, http.MethodDelete, "/api/v1/memory/"+strconv.FormatInt(ids[0], 10), e.reviewer, nil).expect(t, http.StatusNotFound)
	b.script(t, "/memory/"+strconv.FormatInt(ids[1], 10)+"/delete", "segment", "0").expect(t, http.StatusOK)
	if _, err := e.st.MemoryExact(t.Context(), "en", "es", "The bridge opens today."); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a removed entry is still found: %v", err)
	}
	// A viewer may read the memory page but not import.
	v := deskLogin(t, e, "victor")
	if strings.Contains(v.get(t, "/memory").expect(t, http.StatusOK).body, "/memory/import") {
		t.Error("a viewer is offered the import form")
	}
}
