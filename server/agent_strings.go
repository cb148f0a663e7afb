package server

// agentStrings are the agent page's UI strings. They live with the page's
// handler rather than in the theme's i18n files, which belong to the
// public site; a theme can still override the whole page template.
var agentStrings = map[string]map[string]string{
	"en": {
		"reply_more": "More:",
		"title":      "Suggest an answer", "token": "Agent token", "token_help": "Kept in this browser tab only and sent with each request.",
		"save_token": "Use token", "forget_token": "Forget token", "signed_in": "Token set.",
		"message": "Customer message", "message_help": "Paste the customer's message; quoted history is fine.",
		"lang": "Answer language", "auto": "Detect", "suggest": "Suggest", "searching": "Searching…",
		"none": "No article matches this message.", "internal": "internal", "confident": "confident match",
		"copy": "Copy passage and link", "copied": "Copied", "open_section": "Open section", "open_article": "Open article",
		"need_token": "Enter your agent token first.", "bad_token": "The token was not accepted. Check it and enter it again.",
		"rate_limited": "Too many requests; try again in a few seconds.", "failed": "Suggestions failed:",
	},
	"ru": {
		"reply_more": "Подробнее:",
		"title":      "Подсказка ответа", "token": "Токен агента", "token_help": "Хранится только в этой вкладке и отправляется с каждым запросом.",
		"save_token": "Использовать токен", "forget_token": "Забыть токен", "signed_in": "Токен задан.",
		"message": "Сообщение клиента", "message_help": "Вставьте сообщение клиента целиком, можно с цитатами.",
		"lang": "Язык ответа", "auto": "Определить", "suggest": "Подобрать", "searching": "Ищем…",
		"none": "Подходящих статей не нашлось.", "internal": "внутренняя", "confident": "уверенное совпадение",
		"copy": "Скопировать фрагмент и ссылку", "copied": "Скопировано", "open_section": "Открыть раздел", "open_article": "Открыть статью",
		"need_token": "Сначала введите токен агента.", "bad_token": "Токен не принят. Проверьте его и введите снова.",
		"rate_limited": "Слишком много запросов, повторите через несколько секунд.", "failed": "Не удалось получить подсказки:",
	},
	"uk": {
		"reply_more": "Докладніше:",
		"title":      "Підказка відповіді", "token": "Токен агента", "token_help": "Зберігається лише в цій вкладці й надсилається з кожним запитом.",
		"save_token": "Використати токен", "forget_token": "Забути токен", "signed_in": "Токен задано.",
		"message": "Повідомлення клієнта", "message_help": "Вставте повідомлення клієнта повністю, можна з цитатами.",
		"lang": "Мова відповіді", "auto": "Визначити", "suggest": "Підібрати", "searching": "Шукаємо…",
		"none": "Відповідних статей не знайшлося.", "internal": "внутрішня", "confident": "впевнений збіг",
		"copy": "Скопіювати фрагмент і посилання", "copied": "Скопійовано", "open_section": "Відкрити розділ", "open_article": "Відкрити статтю",
		"need_token": "Спершу введіть токен агента.", "bad_token": "Токен не прийнято. Перевірте його й введіть знову.",
		"rate_limited": "Забагато запитів, повторіть за кілька секунд.", "failed": "Не вдалося отримати підказки:",
	},
	"bg": {
		"reply_more": "Повече информация:",
		"title":      "Предложение за отговор", "token": "Токен на агента", "token_help": "Пази се само в този раздел и се изпраща с всяка заявка.",
		"save_token": "Използвай токена", "forget_token": "Забрави токена", "signed_in": "Токенът е зададен.",
		"message": "Съобщение от клиента", "message_help": "Поставете цялото съобщение на клиента, може и с цитати.",
		"lang": "Език на отговора", "auto": "Разпознай", "suggest": "Предложи", "searching": "Търсим…",
		"none": "Няма подходяща статия.", "internal": "вътрешна", "confident": "сигурно съвпадение",
		"copy": "Копирай откъса и връзката", "copied": "Копирано", "open_section": "Отвори раздела", "open_article": "Отвори статията",
		"need_token": "Първо въведете токена на агента.", "bad_token": "Токенът не е приет. Проверете го и го въведете отново.",
		"rate_limited": "Твърде много заявки, опитайте след няколко секунди.", "failed": "Неуспешно търсене на предложения:",
	},
}
