package web

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/language"

	"copydesk/internal/i18n"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// Cookies.
const (
	sessionCookie = "copydesk_session"
	langCookie    = "copydesk_lang"
	sessionKey    = "copydesk.session"
	localizerKey  = "copydesk.localizer"
)

// loadSession attaches the session named by the cookie, if it is live, and the
// localizer for the request's UI language.
func (s *server) loadSession(c *gin.Context) {
	if secret, err := c.Cookie(sessionCookie); err == nil && secret != "" {
		ss, err := s.svc.Session(c.Request.Context(), secret)
		switch {
		case err == nil:
			c.Set(sessionKey, ss)
			c.Set(userKey, ss.User)
		case errors.Is(err, review.ErrBadCredentials):
			s.clearCookie(c, sessionCookie)
		default:
			s.fail(c, err, "session")
			return
		}
	}
	var setting string
	if ss, ok := currentSession(c); ok {
		setting = ss.User.Locale
	}
	cookie, _ := c.Cookie(langCookie)
	tag := s.i18n.Negotiate(setting, cookie, c.GetHeader("Accept-Language"))
	c.Set(localizerKey, s.i18n.For(tag))
	c.Next()
}

func currentSession(c *gin.Context) (store.Session, bool) {
	v, ok := c.Get(sessionKey)
	if !ok {
		return store.Session{}, false
	}
	ss, ok := v.(store.Session)
	return ss, ok
}

func localizer(c *gin.Context) *i18n.Localizer {
	if v, ok := c.Get(localizerKey); ok {
		if l, ok := v.(*i18n.Localizer); ok {
			return l
		}
	}
	return fallbackLocalizer()
}

// fallbackLocalizer serves requests that fail before the UI language is chosen.
var fallbackLocalizer = sync.OnceValue(func() *i18n.Localizer {
	b, err := i18n.New()
	if err != nil {
		panic(err) // the message files are embedded; Build has parsed them already
	}
	return b.For(language.English)
})

// requireLogin sends visitors without a session to the login page (or answers 401
// to the page's script).
func (s *server) requireLogin(c *gin.Context) {
	if _, ok := currentSession(c); ok {
		c.Next()
		return
	}
	if c.Request.Method == http.MethodGet && !wantsJSON(c) && !strings.HasSuffix(c.Request.URL.Path, "/events") {
		c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	}
	s.showError(c, http.StatusUnauthorized, "error.login.required")
}

// checkCSRF refuses a state-changing request from the browser unless it comes from
// this site (Sec-Fetch-Site / Origin, checked by the standard library) and, when
// there is a session, carries the session's token in the csrf_token field or the
// X-CSRF-Token header.
func (s *server) checkCSRF(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	if err := s.origin.Check(c.Request); err != nil {
		s.showError(c, http.StatusForbidden, "error.csrf")
		return
	}
	// Logging in is guarded by the origin check alone: a stale login form has no
	// token of the session another tab may have opened since.
	if ss, ok := currentSession(c); ok && c.FullPath() != "/login" {
		token := c.GetHeader("X-CSRF-Token")
		if token == "" {
			token = c.PostForm("csrf_token")
		}
		if subtle.ConstantTimeCompare([]byte(token), []byte(ss.CSRFToken)) != 1 {
			s.showError(c, http.StatusForbidden, "error.csrf")
			return
		}
	}
	c.Next()
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site, Secure when
// the request came over TLS.
func (s *server) setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: c.Request.TLS != nil, SameSite: http.SameSiteLaxMode})
}

func (s *server) clearCookie(c *gin.Context, name string) { s.setCookie(c, name, "", -1) }

// safeNext keeps a post-login or post-switch redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return "/"
	}
	return next
}
