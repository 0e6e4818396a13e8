package segment

import "strings"

// labelSet is the page furniture of one language, in lower case with
// apostrophes as '.
type labelSet struct {
	labels        map[string]bool // a whole line: "back to top"
	social        map[string]bool // networks and share buttons: "facebook", "tweet"
	shortPrefixes []string        // the start of a short line: "share on", "follow us"
	teasers       []string        // before a colon: "read more", "lire aussi"
}

// labelsByLang holds the furniture per base language; English is added to
// every language by labelSets.
var labelsByLang = map[string]*labelSet{
	"en": {
		labels: lines(`home|homepage|menu|main menu|navigation|toggle navigation|open menu|close menu|
			skip to content|skip to main content|skip navigation|jump to content|back to top|
			return to top|top|back|go back|search|close|share|share this|share this article|
			share this story|share article|tweet|email|e-mail|print|copy link|link copied|
			subscribe|subscribe now|sign in|sign up|log in|login|log out|register|my account|
			newsletter|newsletters|read more|more|see more|show more|load more|view more|
			read next|up next|continue reading|related|related articles|related stories|
			related content|more stories|most read|most popular|trending|recommended|
			recommended for you|you may also like|you might also like|advertisement|ad|ads|
			sponsored|sponsored content|paid content|promoted|story continues below advertisement|
			article continues below|continue reading below|scroll to continue with content|
			comments|leave a comment|show comments|hide comments|previous|next|previous article|
			next article|tags|topics|categories|privacy policy|privacy|terms of use|
			terms of service|terms and conditions|cookie policy|cookie settings|cookies settings|
			manage cookies|manage preferences|accept|accept all|accept cookies|reject all|got it|
			contact|contact us|about|about us|imprint|sitemap|site map|rss|follow us|listen|
			listen to this article|watch|watch video|play video|view gallery|enlarge|
			breaking news|advertise|advertise with us|careers|help|faq|donate|support us|
			skip advertisement|skip ad|all rights reserved|print this page|translate|language`),
		social: lines(`share|tweet|email|e-mail|mail|print|facebook|twitter|linkedin|whatsapp|reddit|
			pinterest|telegram|instagram|youtube|tiktok|flipboard|messenger|threads|bluesky|
			mastodon|xing|copy link`),
		shortPrefixes: []string{"share on", "share via", "share with", "follow us", "subscribe to",
			"sign up for", "sign up to", "download the app", "get the app"},
		teasers: []string{"read more", "read also", "also read", "see also", "related", "more",
			"watch", "listen", "recommended", "don't miss", "read next", "more on this story",
			"you may also like", "follow us", "advertisement", "sponsored"},
	},
	"fr": {
		labels: lines(`accueil|page d'accueil|menu|navigation|aller au contenu|aller au contenu principal|
			passer au contenu|accéder au contenu|retour en haut|haut de page|retour en haut de page|
			retour|rechercher|recherche|fermer|partager|partager cet article|tweeter|envoyer|
			imprimer|copier le lien|lien copié|s'abonner|abonnez-vous|je m'abonne|se connecter|
			connexion|s'inscrire|inscription|déconnexion|mon compte|lettre d'information|
			lire la suite|lire plus|voir plus|en savoir plus|afficher plus|lire aussi|à lire aussi|
			voir aussi|à voir aussi|sur le même sujet|articles liés|articles similaires|
			à lire également|les plus lus|les plus partagés|recommandé|publicité|pub|
			contenu sponsorisé|sponsorisé|commentaires|commenter|réagir|précédent|suivant|
			article précédent|article suivant|mots-clés|politique de confidentialité|
			confidentialité|mentions légales|conditions générales|conditions d'utilisation|
			gestion des cookies|paramètres des cookies|gérer les cookies|accepter|tout accepter|
			refuser|tout refuser|j'accepte|continuer sans accepter|contact|contactez-nous|
			nous contacter|à propos|qui sommes-nous|plan du site|suivez-nous|écouter|
			écouter cet article|voir la vidéo|en direct|direct|tous droits réservés|
			la suite après cette publicité|la suite après la publicité|publicité la suite ci-dessous`),
		social:        lines(`partager|tweeter|envoyer|imprimer|courriel`),
		shortPrefixes: []string{"partager sur", "partager par", "suivez-nous", "abonnez-vous à", "s'abonner à", "télécharger l'application"},
		teasers: []string{"lire aussi", "à lire aussi", "lire également", "à lire également", "voir aussi",
			"à voir aussi", "sur le même sujet", "à lire", "à voir", "à écouter", "suivez-nous", "publicité"},
	},
	"de": {
		labels: lines(`startseite|menü|hauptmenü|navigation|zum inhalt|zum inhalt springen|zum hauptinhalt|
			direkt zum inhalt|zurück nach oben|nach oben|zum seitenanfang|seitenanfang|zurück|
			suche|suchen|schließen|teilen|artikel teilen|twittern|drucken|link kopieren|
			abonnieren|jetzt abonnieren|anmelden|einloggen|registrieren|abmelden|mein konto|
			weiterlesen|mehr lesen|mehr|mehr anzeigen|mehr laden|lesen sie auch|lesen sie mehr|
			mehr zum thema|auch interessant|das könnte sie auch interessieren|ähnliche artikel|
			verwandte artikel|meistgelesen|meistgelesene artikel|empfohlen|anzeige|werbung|
			gesponsert|kommentare|kommentieren|weiter|vorheriger artikel|nächster artikel|
			schlagworte|themen|datenschutz|datenschutzerklärung|impressum|agb|
			nutzungsbedingungen|cookie-einstellungen|cookies verwalten|einstellungen|akzeptieren|
			alle akzeptieren|ablehnen|alle ablehnen|zustimmen|einverstanden|kontakt|über uns|
			folgen sie uns|anhören|artikel anhören|video ansehen|alle rechte vorbehalten|
			weiter nach der anzeige|lesen sie nach der anzeige weiter|artikel weiterlesen`),
		social:        lines(`teilen|twittern|drucken`),
		shortPrefixes: []string{"teilen auf", "teilen per", "folgen sie uns", "jetzt abonnieren", "app herunterladen"},
		teasers: []string{"lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "mehr dazu",
			"siehe auch", "das könnte sie auch interessieren", "folgen sie uns", "anzeige", "werbung"},
	},
	"es": {
		labels: lines(`inicio|portada|menú|navegación|ir al contenido|saltar al contenido|
			ir al contenido principal|volver arriba|ir arriba|subir|volver|buscar|búsqueda|
			cerrar|compartir|compartir artículo|tuitear|enviar|correo|imprimir|copiar enlace|
			enlace copiado|suscríbete|suscribirse|suscribirme|iniciar sesión|entrar|acceder|
			registrarse|regístrate|cerrar sesión|mi cuenta|boletín|leer más|ver más|
			seguir leyendo|continuar leyendo|mostrar más|cargar más|lee también|leer también|
			te puede interesar|también te puede interesar|noticias relacionadas|
			artículos relacionados|relacionado|más leídas|lo más leído|lo más visto|recomendado|
			publicidad|anuncio|contenido patrocinado|patrocinado|comentarios|comentar|anterior|
			siguiente|artículo anterior|artículo siguiente|etiquetas|temas|política de privacidad|
			privacidad|aviso legal|términos y condiciones|condiciones de uso|política de cookies|
			configuración de cookies|aceptar|aceptar todo|aceptar todas|rechazar|rechazar todo|
			contacto|contáctanos|quiénes somos|sobre nosotros|mapa del sitio|síguenos|escuchar|
			ver vídeo|ver video|en directo|en vivo|todos los derechos reservados`),
		social:        lines(`compartir|tuitear|enviar|imprimir|correo`),
		shortPrefixes: []string{"compartir en", "compartir por", "síguenos", "suscríbete a", "descarga la app"},
		teasers: []string{"lee también", "lea también", "leer también", "ver también", "te puede interesar",
			"también te puede interesar", "más información", "síguenos", "publicidad"},
	},
	"it": {
		labels: lines(`home page|vai al contenuto|torna su|torna all'inizio|cerca|chiudi|condividi|
			stampa|iscriviti|accedi|leggi anche|leggi di più|continua a leggere|pubblicità|
			commenti|precedente|successivo|tutti i diritti riservati|accetta|rifiuta`),
		social:  lines(`condividi|stampa`),
		teasers: []string{"leggi anche", "potrebbe interessarti", "pubblicità"},
	},
	"pt": {
		labels: lines(`início|página inicial|ir para o conteúdo|voltar ao topo|pesquisar|buscar|fechar|
			compartilhar|partilhar|imprimir|assine|entrar|leia também|leia mais|ler mais|
			publicidade|comentários|anterior|próximo|todos os direitos reservados|aceitar|recusar`),
		social:  lines(`compartilhar|partilhar|imprimir`),
		teasers: []string{"leia também", "leia mais", "veja também", "publicidade"},
	},
	"nl": {
		labels: lines(`naar de inhoud|terug naar boven|zoeken|sluiten|delen|afdrukken|abonneren|
			inloggen|lees ook|lees meer|advertentie|reacties|vorige|volgende|
			alle rechten voorbehouden|accepteren|weigeren`),
		social:  lines(`delen|afdrukken`),
		teasers: []string{"lees ook", "lees meer", "bekijk ook", "advertentie"},
	},
	"ko": {labels: lines(`홈|메뉴|본문 바로가기|맨 위로|검색|닫기|공유|공유하기|구독|구독하기|로그인|회원가입|광고|댓글|이전|다음|기사 더보기|더보기`)},
	"ja": {labels: lines(`ホーム|メニュー|本文へ|ページトップへ|ページの先頭へ|検索|閉じる|シェア|共有|ログイン|広告|コメント|前へ|次へ|もっと見る|続きを読む`)},
	"zh": {labels: lines(`首页|菜单|跳到内容|返回顶部|搜索|关闭|分享|登录|注册|广告|评论|上一篇|下一篇|阅读更多|查看更多`)},
}

// cookieNotices are phrases of cookie banners, in lower case.
var cookieNotices = []string{
	"we use cookies", "this site uses cookies", "this website uses cookies", "our site uses cookies",
	"by continuing to browse", "by continuing to use this site", "you agree to our use of cookies",
	"nous utilisons des cookies", "ce site utilise des cookies", "en poursuivant votre navigation",
	"wir verwenden cookies", "wir nutzen cookies", "diese website verwendet cookies",
	"diese webseite verwendet cookies", "diese website nutzt cookies",
	"utilizamos cookies", "usamos cookies", "este sitio web utiliza cookies",
	"este sitio utiliza cookies", "al continuar navegando",
}

// rightsReserved are copyright notices, in lower case.
var rightsReserved = []string{
	"all rights reserved", "tous droits réservés", "alle rechte vorbehalten",
	"todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
	"alle rechten voorbehouden",
}

// phoneLabels open a line with a phone number.
var phoneLabels = []string{"tel", "tél", "phone", "telephone", "téléphone", "telefon", "teléfono",
	"fax", "mobile", "mobil", "handy", "móvil", "portable", "call", "hotline"}

// labelSets returns the furniture of lang's base language (if known) and of
// English.
func labelSets(lang string) []*labelSet {
	en := labelsByLang["en"]
	if s, ok := labelsByLang[baseLang(lang)]; ok && s != en {
		return []*labelSet{s, en}
	}
	return []*labelSet{en}
}

// lines makes a set of the labels separated by | in list; white space inside
// a label is reduced to one space.
func lines(list string) map[string]bool {
	m := map[string]bool{}
	for l := range strings.SplitSeq(list, "|") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			m[l] = true
		}
	}
	return m
}
