package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

const userKey = "copydesk.user"

// requireToken authenticates API requests with "Authorization: Bearer TOKEN".
func (s *server) requireToken(c *gin.Context) {
	h := c.GetHeader("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		c.Header("WWW-Authenticate", `Bearer realm="copydesk"`)
		abortJSON(c, http.StatusUnauthorized, "an API token is required: send Authorization: Bearer TOKEN")
		return
	}
	u, err := s.svc.UserForToken(c.Request.Context(), strings.TrimSpace(token))
	if errors.Is(err, review.ErrBadCredentials) {
		c.Header("WWW-Authenticate", `Bearer realm="copydesk", error="invalid_token"`)
		abortJSON(c, http.StatusUnauthorized, "the API token is not valid")
		return
	}
	if err != nil {
		s.fail(c, err, "token")
		return
	}
	c.Set(userKey, u)
	c.Next()
}

// currentUser returns the account the request was authenticated as.
func currentUser(c *gin.Context) store.User {
	u, _ := c.Get(userKey)
	user, _ := u.(store.User)
	return user
}

// allow answers 403 and returns false when the current user's role may not do a.
func allow(c *gin.Context, a review.Action, what string) bool {
	if review.Can(currentUser(c).Role, a) {
		return true
	}
	abortJSON(c, http.StatusForbidden, "your role does not allow you to "+what)
	return false
}
