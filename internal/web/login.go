package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
)

type loginPage struct {
	base
	Name string
	Next string
}

// loginForm handles GET /login.
func (s *server) loginForm(c *gin.Context) {
	if _, ok := currentSession(c); ok {
		c.Redirect(http.StatusSeeOther, safeNext(c.Query("next")))
		return
	}
	s.render(c, http.StatusOK, "login", loginPage{base: s.newBase(c, localizer(c).T("page.login.title")), Next: safeNext(c.Query("next"))})
}

// login handles POST /login.
func (s *server) login(c *gin.Context) {
	name, next := c.PostForm("name"), safeNext(c.PostForm("next"))
	secret, err := s.svc.Login(c.Request.Context(), name, c.PostForm("password"), c.ClientIP())
	var throttled *review.ThrottledError
	if err != nil {
		loc := localizer(c)
		p := loginPage{base: s.newBase(c, loc.T("page.login.title")), Name: name, Next: next}
		status := http.StatusUnauthorized
		switch {
		case errors.As(err, &throttled):
			secs := int(math.Ceil(throttled.Wait.Seconds()))
			c.Header("Retry-After", strconv.Itoa(secs))
			p.Error = loc.N("error.login.throttled", secs)
			status = http.StatusTooManyRequests
		case errors.Is(err, review.ErrBadCredentials):
			p.Error = loc.T("error.login.failed")
		default:
			s.fail(c, err, "user")
			return
		}
		s.render(c, status, "login", p)
		return
	}
	s.setCookie(c, sessionCookie, secret, int(review.SessionLifetime.Seconds()))
	c.Redirect(http.StatusSeeOther, next)
}

// logout handles POST /logout.
func (s *server) logout(c *gin.Context) {
	if secret, err := c.Cookie(sessionCookie); err == nil {
		if err := s.svc.Logout(c.Request.Context(), secret); err != nil {
			s.fail(c, err, "session")
			return
		}
	}
	s.clearCookie(c, sessionCookie)
	c.Redirect(http.StatusSeeOther, "/login")
}

// switchLanguage handles POST /language: the switcher on every page. It sets the
// cookie and, for a logged-in user, their setting.
func (s *server) switchLanguage(c *gin.Context) {
	tag, ok := s.i18n.Supported(c.PostForm("lang"))
	if !ok {
		s.showError(c, http.StatusUnprocessableEntity, "error.language.unknown")
		return
	}
	s.setCookie(c, langCookie, tag.String(), 365*24*3600)
	if ss, ok := currentSession(c); ok {
		if err := s.svc.SetLocale(c.Request.Context(), ss.User, tag.String()); err != nil {
			s.fail(c, err, "user")
			return
		}
	}
	c.Redirect(http.StatusSeeOther, safeNext(c.PostForm("next")))
}
