"""Parties: who a deal names, and when two names are the same party.

Names in coverage vary: "U.S. Steel" and "United States Steel Corp.", "Japan’s Nippon Steel" and
"Nippon Steel", "Cleveland-Cliffs" and "Cliffs". A title, a possessive place or a leading
qualifier is not part of a name, and "the Japanese company" describes a party without naming it.
General English rules only; no company is named in code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cleaning import CleanSource

_TITLES = {"CEO", "Chief", "Executive", "Officer", "Chairman", "Chair", "President", "Founder", "Co-founder",
           "Cofounder", "Director", "Head", "Billionaire", "Mr", "Mr.", "Ms", "Ms."}
_LEAD_STOP = {"By", "For", "From", "With", "Of", "To", "At", "Per", "Via", "Under", "Over", "The", "A", "An",
               "This", "That", "Then", "And", "But", "Or", "Nor", "Yet", "So", "Yesterday", "Today", "On", "In",
              "After", "Before", "Prior", "While", "When", "Why", "How", "If", "As", "Also", "Meanwhile",
              "Now", "Earlier", "Last", "Update", "Breaking", "Exclusive", "Report", "Reports", "Sources",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
              "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
              "Nov", "Dec", "US", "U.S.", "UK", "EU", "It", "Its", "Their", "His", "Her", "Our", "We", "I",
              "They", "He", "She", "Analysts", "Investors", "Regulators", "Shares", "Stock", "Startup",
              "Start-up", "Tech", "Giant", "Software", "Company", "Firm", "Deal", "Deals", "AI"}
#: Determiners, prepositions and participles that open a sentence ("Any deal for X", "Through X's
#: stake", "Assuming X completes ..."): no name's first word there, though a name may hold one
#: elsewhere ("Given Imaging", "Once Upon a Farm").
SENTENCE_OPENERS = {"Any", "Every", "Each", "No", "Another", "Some", "Such", "All", "Both", "Either", "Neither",
                    "These", "Those", "Through", "Despite", "Without", "Against", "Among", "Amid", "Since",
                    "Until", "Into", "Upon", "Within", "Once", "Following", "Including", "Assuming", "Given"}

#: A nationality adjective before a company noun describes a party without naming it.
_DEMONYM = r"[A-Z][a-z]+(?:ese|ian|ish|ean|an|ch|i)"
#: (with up to two words between: "the American tech giant", "the Chinese communications-equipment
#: maker")
_DEMONYM_NOUN = re.compile(r"(?:['’]s)?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?:company|firm|group|giant|conglomerate|"
                           r"bank|lender|carrier|buyer|rival|owner|operator|start-?up|developer|producer|"
                           r"manufacturer|investor|fund|insurer|retailer|[a-z]*maker)\b")
#: ... and one before a common noun names wares, not a company: "from buying American technology"
#: (a function word, an adverb of time or the company's shares after it leave it a name:
#: "to buy Allergan for $63 billion", "buy all Beta shares")
DEMONYM_WARES = re.compile(r"[ \t]+(?!(?:for|from|in|and|or|at|on|to|with|as|after|before|which|that|who|whose|is|"
                           r"was|were|are|has|had|have|will|would|could|may|might|by|of|over|under|during|since|"
                           r"through|while|when|if|but|last|this|next|earlier|later|outright|recently|shares?|"
                           r"stock|stake|said|says)\b)[a-z]")


def clean_name(name: str, stop: set[str]) -> str:
    """A party name without leading filler ("The", "Yesterday"), titles or a possessive; a typed
    dash ends it ("Pioneer--a mega deal")."""
    words = name.split("--", 1)[0].split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].strip(".,") in _TITLES:  # "Tesla Chief Executive Officer Elon Musk" -> "Elon Musk"
            words = words[i + 1:]
            break
    based = [i for i, w in enumerate(words) if w.endswith(("-based", "-headquartered"))]
    if based and based[-1] < len(words) - 1:
        words = words[based[-1] + 1:]  # "New York-based IBM": the place describes the name after it
    while words and (words[0] in _LEAD_STOP or words[0].lower() in {"and", "of", "&"}
                     or words[0].endswith(("-based", "-owned", "-backed"))
                     or re.fullmatch(r"[A-Z][\w.]*-[a-z]+(?:ed|ing)", words[0])):  # "AI-fuelled", "US-led"
        if words[0] in {"US", "U.S.", "UK", "U.K.", "EU"} and len(words) == 2:
            break  # "U.S. Steel": the country is part of a one-word name, not a qualifier
        words = words[1:]
    while words and (words[-1] in {"&", "and", "of", "de"} or words[-1] in _LEAD_STOP - {"AI"}):
        words = words[:-1]
    while len(words) > 1 and re.fullmatch(r"[A-Z]{2,5}(?:\.[A-Z])?", words[-1]) and words[-1] != "AI":
        words = words[:-1]  # a ticker after the name: "Microsoft MSFT.O"
    if words and re.match(r"(?i)(?:then|former|ex)-[A-Z]", words[0]):
        words = [words[0].split("-", 1)[1], *words[1:]]  # "then-Hewlett-Packard Co": the company
    text = re.sub(r"['’]s$", "", " ".join(words)).strip(" .,'’-")
    text = re.sub(r",[ \t]+(?:Incorporated|Inc|Corporation|Corp|LLC|Ltd|Limited|plc|PLC)$", "", text)
    if not name_words(text):  # "Inc." alone (a sentence split after it) names no party
        return ""
    return "" if text in stop or text in _LEAD_STOP else text


#: How a name in camel case from a small letter or a digit begins ("iRobot", "eBay", "1Life"): a
#: name all the same, for deal sentences, proper nouns and claim subjects alike.
CAMEL_NAME = r"(?:[a-z]{1,2}|\d{1,3})[A-Z][a-z]"


def proper_nouns(cleaned: list[CleanSource]) -> set[str]:
    """Words that are names: capitalised inside a sentence, or never written in lower case in the
    corpus (so a name that only opens sentences, "Northwind agreed ...", counts; "By", "For",
    "Part" do not, as the corpus also writes "by", "for", "part")."""
    seen: set[str] = set()
    lower: set[str] = set()
    starts: set[str] = set()
    for cs in cleaned:
        for sent in cs.sentences:
            words = re.findall(r"[\w&'’.-]+", sent.text)
            lower.update(w for w in words if w.islower())
            for i, w in enumerate(words):
                name = re.sub(r"['’]s$", "", w).strip(".,")
                if re.fullmatch(rf"{CAMEL_NAME}[\w&'’.-]*", name):
                    seen.add(name)  # in camel case from a small letter or a digit: "iRobot", "1Life"
                    continue
                if not w[:1].isupper():
                    continue
                if i and not words[i - 1].endswith((".", ":")):
                    seen.add(name)
                else:
                    starts.add(name)
    return seen | {w for w in starts if w.lower() not in lower and w not in _LEAD_STOP}


def _is_party(name: str, proper: set[str]) -> bool:
    return any(w.strip(".,") in proper for w in name.split())


#: Words that do not tell one party from another ("Inc", "Group", "Platforms").
GENERIC_NAME_WORDS = frozenset({"inc", "corp", "co", "ltd", "plc", "group", "the", "holdings", "platforms", "ai",
                                "and", "&", "of", "llc", "sa", "ag", "nv"})


def name_words(name: str) -> set[str]:
    """The words that identify a party: 'Amazon.com Inc.' -> {'amazon'}, "Japan’s" -> {'japan'},
    'Cleveland-Cliffs' -> {'cleveland', 'cliffs'} (so that 'Cliffs' is the same party)."""
    return set(_name_words(name))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    words = {re.sub(r"\.(?:com|io|ai)$", "", re.sub(r"['’]s$", "", w.casefold().strip(".,'’()")))
             for w in name.split()}
    words |= {part for w in words if "-" in w for part in w.split("-") if len(part) > 2}
    return frozenset(words - GENERIC_NAME_WORDS - {""})


@lru_cache(maxsize=65536)  # asked for every deal mention against every transaction: pairs repeat
def same_party(a: str, b: str) -> bool:
    """'Elon Musk' ~ 'Musk', 'Inflection AI' ~ 'Inflection', 'Meta Platforms' ~ 'Meta',
    'U.S. Steel' ~ 'United States Steel Corp'."""
    wa, wb = name_words(a), name_words(b)
    if not (wa and wb):
        return False
    # "VM Ware" ~ "VMware": the same letters without the space
    if (wa <= wb or wb <= wa or "".join(sorted(wa)) == "".join(sorted(wb))
            or "".join(a.casefold().split()) == "".join(b.casefold().split())):
        return True
    # "Hewlett Packard Enterprises" ~ "Hewlett Packard Enterprise": a plural slip
    sa, sb = _singular(wa), _singular(wb)
    if sa == sb or (len(sa) > 1 and len(sb) > 1 and (sa <= sb or sb <= sa)):
        return True
    fa, fb = _fold_abbreviations(a, b), _fold_abbreviations(b, a)
    if bool(fa and fb) and (fa <= fb or fb <= fa):
        return True
    return _clipped(wa, wb) or _clipped(wb, wa)


def _clipped(short: set[str], full: set[str]) -> bool:
    """"Tower Semi" ~ "Tower Semiconductor": a word they share, and every other word of the
    shorter name a clipping (four letters or more) of one of the other's ("Meta" is no clipping
    of "Metaverse Co": no word shared)."""
    shared = short & full
    rest, others = short - shared, full - shared
    return bool(shared and rest) and all(
        len(w) >= 4 and any(o.startswith(w) and o != w for o in others) for w in rest)


def _singular(words: set[str]) -> set[str]:
    return {w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words}


#: "U.S.", "IBM", and with an ampersand "J&J", "AT&T" (initials of "Johnson & Johnson")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,5}|[A-Z]{1,2}&[A-Z]{1,2}")


def _word_set(word: str) -> set[str]:
    """One word as :func:`name_words` reads it, an abbreviation without its dots ("U.S." -> "us")."""
    if _ABBREVIATION.fullmatch(word.rstrip(",")):
        ab = word.replace(".", "").replace("&", "").rstrip(",").casefold()
        return set() if ab in GENERIC_NAME_WORDS else {ab}
    return name_words(word)


def _fold_abbreviations(name: str, other: str) -> set[str]:
    """``name``'s words, each run of capitalised words whose initials spell an abbreviation of
    ``other`` ("United States" for "U.S.", "International Business Machines" for "IBM") read as
    that abbreviation; a word ``other`` also names is never folded away ("Johnson & Johnson" for
    "J&J" too: the ampersand is no initial)."""
    plain = set().union(*(_word_set(w) for w in other.split()))
    abbreviations = {ab for w in other.split() if _ABBREVIATION.fullmatch(w.rstrip(","))
                     for ab in _word_set(w) if len(ab) > 1}
    words = [w for w in name.split() if w != "&"]  # "Johnson & Johnson" spells "J&J" without it
    out: set[str] = set()
    i = 0
    while i < len(words):
        run = next((words[i:i + len(ab)] for ab in sorted(abbreviations)
                    if "".join(w[:1] for w in words[i:i + len(ab)]).casefold() == ab
                    and len(words[i:i + len(ab)]) == len(ab)
                    and all(w[:1].isupper() and not _word_set(w) & plain for w in words[i:i + len(ab)])),
                   None)
        if run:
            out.add("".join(w[0] for w in run).casefold())
            i += len(run)
        else:
            out |= _word_set(words[i])
            i += 1
    return out


_PARENT_NAME = r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}"
#: "Google parent Alphabet", "Google's parent company Alphabet", "Alphabet, the parent company of
#: search giant Google", "Alphabet, Google's parent": a parent and its company are one buyer.
_PARENT_OF = [
    re.compile(rf"\b(?P<child>{_PARENT_NAME})(?:['’]s)? parent(?: company)? (?P<parent>{_PARENT_NAME})"),
    re.compile(rf"\b(?P<parent>{_PARENT_NAME}), (?:the )?parent(?: company)? of (?:[a-z-]+ ){{0,2}}"
               rf"(?P<child>{_PARENT_NAME})"),
    re.compile(rf"\b(?P<parent>{_PARENT_NAME}), (?P<child>{_PARENT_NAME})['’]s parent\b"),
]
#: "UnitedHealth Group's Optum business segment", "UnitedHealth Group affiliate Optum", "Acme's
#: subsidiary Beta": a company and its unit are one buyer.
_UNIT_WORD = r"(?:affiliate|subsidiary|unit|division|arm|segment)"
_UNIT_OF = [
    re.compile(rf"\b(?P<parent>{_PARENT_NAME})['’]s (?P<child>{_PARENT_NAME}) (?:[a-z]+ )?{_UNIT_WORD}\b"),
    re.compile(rf"\b(?P<parent>{_PARENT_NAME})(?:['’]s)? {_UNIT_WORD} (?P<child>{_PARENT_NAME})"),
]


#: "HashiCorp, Inc.'s (NASDAQ:HCP)", "Shockwave Medical (SWAV)": a company and its ticker
_TICKER_OF = re.compile(rf"\b(?P<parent>{_PARENT_NAME}?)(?:,? (?:Inc|Corp|Ltd|plc)\.?)?(?:['’]s)? ?\((?:[A-Z][A-Za-z]*"
                        r"(?: [A-Z][a-z]+)?: ?)?(?P<child>[A-Z]{2,5})(?:\.[A-Z]{1,2})?\)")


def parent_aliases(cleaned: list[CleanSource]) -> frozenset[tuple[str, str]]:
    """(child, parent) name pairs the corpus states, each pair in both orders: a parent and
    its company, and a company and the ticker in brackets after its name ("HCP" for HashiCorp)."""
    pairs: set[tuple[str, str]] = set()
    for cs in cleaned:
        for sent in cs.sentences:
            for m in _TICKER_OF.finditer(sent.text):
                name, ticker = clean_name(m.group("parent"), set()), m.group("child")
                if name_words(name) and not same_party(name, ticker):
                    pairs |= {(ticker, name), (name, ticker)}
            rules = ((_PARENT_OF if "parent" in sent.text else [])
                     + (_UNIT_OF if re.search(_UNIT_WORD, sent.text) else []))
            for rx in rules:
                for m in rx.finditer(sent.text):
                    child, parent = m.group("child"), m.group("parent")
                    if name_words(child) and name_words(parent) and not same_party(child, parent):
                        pairs |= {(child, parent), (parent, child)}
    return frozenset(pairs)


@lru_cache(maxsize=65536)  # asked for every deal mention against every transaction: pairs repeat
def aliased(a: str, b: str, aliases: frozenset[tuple[str, str]]) -> bool:
    """Whether two names are one party, or a company and the parent (or ticker) the corpus names
    for it."""
    return same_party(a, b) or any(same_party(a, x) and same_party(b, y) for x, y in aliases)
