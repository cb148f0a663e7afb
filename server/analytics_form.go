package server

import (
	"net/http"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// feedbackForm is the data of the theme's feedback partial
// (templates/partials/feedback.html): the article page puts
// s.feedbackForm(r, article) in its view and the template includes
// {{template "feedback" .Feedback}}.
type feedbackForm struct {
	Action     string // where the form posts
	ArticleID  string
	Lang       string
	Thanks     bool // the visitor has just voted (the form redirect says so)
	MaxComment int
	Text       feedbackText
}

// feedbackText holds the form's words in the page language. They live here
// rather than in the theme's i18n files so that the feature works with any
// theme; a theme may still use its own T keys instead.
type feedbackText struct {
	Question, Yes, No, CommentLabel, CommentHint, Send, Thanks string
}

var feedbackTexts = map[string]feedbackText{
	"en": {"Was this article helpful?", "Yes", "No", "What was missing or wrong?", "Optional. Please do not include personal data.",
		"Send", "Thank you for your feedback!"},
	"ru": {"Статья была полезной?", "Да", "Нет", "Чего не хватило или что не так?", "Необязательно. Не указывайте личные данные.",
		"Отправить", "Спасибо за отзыв!"},
	"uk": {"Стаття була корисною?", "Так", "Ні", "Чого бракувало або що не так?", "Необов’язково. Не вказуйте особисті дані.",
		"Надіслати", "Дякуємо за відгук!"},
	"bg": {"Полезна ли беше статията?", "Да", "Не", "Какво липсваше или не е наред?", "По желание. Не посочвайте лични данни.",
		"Изпрати", "Благодарим за отзива!"},
}

// feedbackForm builds the partial's data for article a.
func (s *Server) feedbackForm(r *http.Request, a *spravka.Article) feedbackForm {
	text, ok := feedbackTexts[a.Lang]
	if !ok {
		text = feedbackTexts["en"]
	}
	return feedbackForm{Action: "/api/v1/feedback", ArticleID: a.ID, Lang: a.Lang,
		Thanks: r.URL.Query().Get("feedback") == "thanks", MaxComment: analytics.MaxCommentRunes, Text: text}
}
