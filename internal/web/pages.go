package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/i18n"
	"copydesk/internal/report"
	"copydesk/internal/store"
	assets "copydesk/web"
)

// pages holds every page template, each parsed together with the layout.
type pages struct {
	byName map[string]*template.Template
}

// placeholderFuncs lets templates parse before a request binds the real,
// language-specific functions with Clone and Funcs.
var placeholderFuncs = template.FuncMap{
	"t":          func(id string, pairs ...any) string { return id },
	"tn":         func(id string, n int, pairs ...any) string { return id },
	"langname":   func(tag string) string { return tag },
	"asset":      func(name string) string { return name },
	"percent":    percent,
	"statefmt":   func(state string) string { return "state." + state },
	"since":      func(t time.Time) string { return "" },
	"datetime":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"add":        func(a, b int) int { return a + b },
	"blank":      func(s string) bool { return strings.TrimSpace(s) == "" },
	"checkdata":  func(row segmentRow, canEdit bool) checkData { return checkData{Row: row, CanEdit: canEdit} },
	"tagged":     taggedHTML,
	"blocklabel": blockLabel,
	"histchart":  func(t report.Translation) template.HTML { return "" },
	"kindchart":  func(counts []report.Count) template.HTML { return "" },
	"pct":        func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) + "%" },
	"duration":   report.FormatDuration,
	"grouping": func(g string) []string {
		a, b, _ := strings.Cut(g, "-")
		return []string{a, b}
	},
}

// loadPages parses every templates/*.html except the layout, each with the layout,
// and fails on the first error.
func loadPages() (*pages, error) {
	files, err := fs.Glob(assets.Templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(placeholderFuncs).ParseFS(assets.Templates, "templates/_*.html", f)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", f, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// base is what every page shows around its content.
type base struct {
	Title     string
	User      *store.User
	CSRF      string
	Lang      string // the UI language, for <html lang>
	Languages []uiLanguage
	Path      string // the current path and query, for the language switcher's return
	Flash     string
	Error     string
	Refresh   int // seconds after which the page reloads itself; 0: never
}

type uiLanguage struct {
	Tag, Name string
	Current   bool
}

// render executes page name with data and writes it with status. The localizer's
// functions are bound per request; output is buffered so that a template error is
// a clean 500, not half a page.
func (s *server) render(c *gin.Context, status int, name string, data any) {
	t, ok := s.pages.byName[name]
	if !ok {
		s.fail(c, fmt.Errorf("no template %q", name), "page")
		return
	}
	loc := localizer(c)
	t, err := t.Clone()
	if err != nil {
		s.fail(c, err, "page")
		return
	}
	t.Funcs(template.FuncMap{
		"t":         loc.T,
		"tn":        loc.N,
		"langname":  loc.LanguageName,
		"asset":     s.static.url,
		"since":     func(at time.Time) string { return sinceText(loc, at) },
		"histchart": func(t report.Translation) template.HTML { return reportLabels(loc).HistogramChart(t) },
		"kindchart": func(counts []report.Count) template.HTML { return reportLabels(loc).KindsChart(counts) },
	})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.fail(c, fmt.Errorf("render %s: %w", name, err), "page")
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// newBase fills what the layout needs from the request.
func (s *server) newBase(c *gin.Context, title string) base {
	b := base{Title: title, Lang: localizer(c).Tag().String(), Path: c.Request.URL.RequestURI()}
	if c.Request.Method != http.MethodGet {
		// A page answering a form returns the language switcher to where the form
		// came from, not to the form's action.
		b.Path = safeNext(c.PostForm("back"))
	}
	if ss, ok := currentSession(c); ok {
		u := ss.User
		b.User, b.CSRF = &u, ss.CSRFToken
	}
	for _, tag := range s.i18n.Languages() {
		b.Languages = append(b.Languages, uiLanguage{Tag: tag.String(), Name: i18n.SelfName(tag), Current: tag.String() == b.Lang})
	}
	return b
}

// sinceText says how long ago t was, in the UI language.
func sinceText(loc *i18n.Localizer, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := time.Since(t)
	switch {
	case d < time.Minute:
		return loc.T("time.justnow")
	case d < time.Hour:
		return loc.N("time.minutesago", int(d.Minutes()))
	case d < 24*time.Hour:
		return loc.N("time.hoursago", int(d.Hours()))
	default:
		return loc.N("time.daysago", int(d.Hours()/24))
	}
}

func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return part * 100 / whole
}

// wantsJSON reports whether the request came from the page's script, which asks
// for JSON, rather than from a plain form.
func wantsJSON(c *gin.Context) bool {
	return strings.Contains(c.GetHeader("Accept"), "application/json")
}

// errorPage shows a message page with status.
type errorPage struct {
	base
	Status  int
	Message string
	Back    string
}

func (s *server) showError(c *gin.Context, status int, msgID string) {
	if wantsJSON(c) || strings.HasPrefix(c.Request.URL.Path, "/api/") {
		abortJSON(c, status, localizer(c).T(msgID))
		return
	}
	p := errorPage{base: s.newBase(c, localizer(c).T("page.error.title")), Status: status,
		Message: localizer(c).T(msgID), Back: "/"}
	s.render(c, status, "error", p)
	c.Abort()
}
