"""Who the subject of a verb near a figure is: a deal party (its name, "it", "the company"), a market
("shares closed"), an outlet, or nobody (a passive, an adjective, a reduced relative clause).

:func:`party_act` reads whether a deal party is the subject of an act or statement verb;
:func:`own_report` whether "reported" is a party's report of its own results, not a press credit;
:func:`framed_by_party`, :func:`leading_gerund_act`, :func:`agent_is_party` and :func:`regulator_nod` read
the other shapes in which a party (or a regulator) tells or does what a figure says. Used by :mod:`analysis.stance`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

#: "shares closed", "Twitter's stock price leapt": a market, not a party, is the subject of the verb
#: (its noun ends the words before the verb; "$54.20 per share, Musk will pay" is still Musk's act)
#: (a ticker may follow the name: "Shares of Acme (ACME) closed down 1 cent")
_MARKET_SUBJECT = re.compile(r"(?i)\b(?<!per )(?<!a )(?:shares?|stock|price|prices|index|market)"
                             r"(?:\s+(?:of|in)\s+[\w.&'’-]+(?:\s+\(\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z][A-Z.]{0,6}\s*\))?)?"
                             r"\s+(?:[a-z]+ly\s+)?$")


_NEW_SUBJECT = re.compile(r",\s+(?:the|a|an|its|this|that|these|those)\s+[a-z]")
_CAPITALISED = re.compile(r"\b[A-Z][\w&.'’-]*")
#: "Twitter's attorneys argued": the people of a party speak and act for it
_AGENT_NOUN = re.compile(r"\s+(?:[a-z-]+\s+)?(?:attorneys|lawyers|counsel|spokes(?:man|woman|person)|board|"
                         r"shareholders|stockholders|executives?|chief executive|CEO|management|directors)\b")
#: ... "the steelmaker", "the spokesperson", "Japan's biggest steelmaker", "the second-largest U.S. oil producer"
#: (a party by its description)
_PARTY_NOUN = re.compile(r"(?i)\b(?:it|he|she|they|both|(?-i:I|we|We)|regulators?|watchdogs?|shareholders|"
                         r"stockholders|"
                         r"(?:the(?: world['’]s)?|(?-i:[A-Z])[\w.-]*['’]s (?:[a-z-]+est|top|leading))\s"
                         r"(?:(?-i:[A-Z])[\w.]*,\s(?=(?-i:[A-Z])[\w.]*-based\s))?(?:[\w.-]+ |\$[\d.,]+ ){0,3}?"
                         r"(?:company|companies|firms?|parties|juggernaut|behemoth|titan|"
                         r"startup|start-up|buyer|board|group|giant|[a-z]*maker|pharma|biotech|retailer|developer|producer|"
                r"supplier|"
                         r"operator|insurer|lender|bank|conglomerate|lab|investor|owner|"
                         r"billionaire|founder|executive|spokes(?:man|woman|person)|"
                         # (not a financing deal: "the rare AAA-rated debt deal raised $4 billion" tells what the
                         # bonds did, it names no party)
                         r"(?<!debt )(?<!bond )(?<!notes )(?<!loan )(?<!financing )(?:deal|transaction)|"
                         r"agreement|"
                         r"merger|regulator|watchdog|commission|authority|authorities|bloc))\b")
#: a name after one of these words is its object, not the subject of a later verb ("a $4 billion
#: investment in Anthropic completed earlier this year", "a deal to buy Figma Inc., announced")
_OBJECT_BEFORE = re.compile(r"(?i)\b(?:in|into|of|for|to|from|with|at|on|by|about|over|against|than|like|buy|"
                            r"acquire|purchase|join)\s+(?:(?-i:[A-Z])[\w&.'’-]*\s+)*$")
#: "a previously agreed plan", "the announced deal", "Joins X in Completed $35 Billion Merger": a participle
#: used as an adjective
_ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:a|an|the|its|their|this|that|his|her|in|of|for|with|from|into)\s+"
                               r"(?:[a-z]+ly\s+)?$")
#: "X's acquisition of software developer Y Inc. announced in January": a participle right after an object
#: qualifies it (a reduced relative clause), it tells no act of a subject
#: (not a day between a subject and its verb: "Acme Corp. on Wednesday closed on its deal" is Acme's act)
_REDUCED_RELATIVE = re.compile(r"\b(?:of|in|into|for|with|from|to|on|at)\s+(?:[a-z-]+\s+){0,2}"
                               r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+$)"
                               r"(?:(?:[A-Z][\w&.'’-]*|\d+(?:st|nd|rd|th))\s+)+$|"
                               # "The deal announced Tuesday represents a 29% premium": the deal undergoes it (so
                               # does "a blockbuster $71 billion deal completed earlier this year")
                               r"\b(?:[Tt]he|an?|its|their)\s+(?:[a-z-]+\s+)?(?:(?:US|A|C)?[$€£][\d.,]+\s*"
                               r"(?:[a-z]+\s+)?(?:[a-z-]+\s+)?)?(?:deal|merger|acquisition|transaction|takeover|"
                               r"agreement|offer|purchase)\s+$")
#: ... when no object follows it ("announced in January", not "votes cast at the Meeting approved the proposal")
#: (or a thing sold to a buyer: "the assets of Y sold to X in a deal")
_NO_OBJECT_AFTER = re.compile(r"(?<=sold)\s+to\b|"
                              r"\s*(?:[,.;:)]|$|(?:in|on|last|earlier|this|early|late|since|before|after|"
                              r"during|today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)")
#: "Juniper's stockholders approved the deal", "Y shareholders voted in favour", "98% of Y shareholders voted to
#: approve": the owners' vote on the deal
#: (an adverb may stand before the verb: "stockholders have already agreed to the acquisition"; a time after the
#: vote: "voted overwhelmingly in April to approve")
_HOLDERS_SUBJECT = re.compile(r"(?i)\b(?:shareholders|stockholders)['’]?\s+(?:have\s+|has\s+|had\s+)?"
                              r"(?:[a-z]+ly\s+|(?:already|also|now|since)\s+)?"
                              r"(?:vot(?:ed|es?|ing)\s+(?:[a-z]+ly\s+)?(?:(?:in|on|last|this|earlier)\s+[\w.]+\s+)?"
                              r"to\s+)?$")
#: "a bankrupt exchange, FTX, sold its 8% stake": a name right before the verb is its subject
#: (a ticker may stand after it: "software maker Acme (ACME) raised $10 billion"; so may an appositive that
#: describes it: "Acme, a business-software giant, snapped up Beta"; an adverb may follow "has also": "Acme has
#: also heavily invested")
_DIRECT_SUBJECT = re.compile(r"\b([A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*)*"
                             r"(?:\s+\(\s*(?:[A-Z]{2,8}\s*:\s*)?[A-Z][A-Z.]{0,6}\s*\))?"
                             r"(?:,\s+(?:who|which)|,\s+(?:a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5},)?,?\s+"
                             r"(?:[a-z]+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:today\s+|now\s+|also\s+|since\s+)?"
                             r"(?:[a-z]+ly\s+)?$")
#: "on Monday", "last Thursday": the day of the act, between its subject and its verb ("The EU on Monday gave")
_DAY_BEFORE_VERB = (r"(?:(?:on|last|this|early|late)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+|"
                    r"(?:on\s+)?(?:today|yesterday)\s+)?")
#: "The EU has given the green light", "the European Union cleared", "The EU on Monday gave": the union's
#: executive deciding on the deal (its initials are a filler word for names, so they are no direct subject
#: otherwise)
_UNION_SUBJECT = re.compile(r"(?i)\b(?:the\s+)?(?:(?-i:EU|E\.U\.)|European\s+Union)\s+" + _DAY_BEFORE_VERB
                            + r"(?:has\s+|have\s+|had\s+|is\s+|was\s+)?"
                            r"(?:today\s+|now\s+|also\s+|formally\s+|officially\s+|finally\s+)?$")
#: "The U.S. Justice Department is suing", "the Department of Justice sued", "the Competition Commission
#: blocked": a government body acting on the deal (its capitalised name starts with filler words, "The",
#: "U.S.", so it is no direct subject otherwise)
_AUTHORITY_SUBJECT = re.compile(r"\b(?:[Tt]he\s+)?(?:[A-Z][\w.&'’-]*\s+){0,4}(?:Department|Ministry|Commission|"
                                r"Authority|Agency|Bureau|Tribunal)(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w&'’-]*)+)?"
                                r"\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:today\s+|now\s+|also\s+|formally\s+|"
                                r"officially\s+|finally\s+)?$")
#: "The UK's antitrust authority has initiated", "Britain's competition watchdog opened", "the country's antitrust
#: regulator cleared": a regulator named by its country and its field acts on the deal (no capitalised name to
#: read as its subject)
_REGULATOR_SUBJECT = re.compile(r"(?i)\b(?:the\s+)?(?:[\w.]+['’]s\s+)?(?:[a-z-]+\s+)?(?:antitrust|anti-trust|"
                                r"competition|trade|markets?|securities|telecoms?|communications|banking|financial)\s+"
                                r"(?:authorit(?:y|ies)|regulators?|watchdogs?|commission|agency|enforcers?|body)\s+"
                                r"(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:today\s+|now\s+|also\s+|formally\s+|"
                                r"officially\s+|finally\s+)?$")
#: "UK Approves X's $6.4 Billion Acquisition", "China clears ...": a state named by its country decides on the deal
#: (its name a filler word, "UK", "U.S.", it is no direct subject otherwise); only a decision counts, not any act
_STATE_SUBJECT = re.compile(r"\b(?:[Tt]he\s+)?(?:UK|U\.K\.|Britain|United\s+Kingdom|US|U\.S\.|United\s+States|China|"
                            r"Beijing|Japan|South\s+Korea|Korea|Germany|France|India|Canada|Australia|Brazil|Mexico|"
                            r"Turkey|Israel|Taiwan|Singapore)(?:['’]s)?(?:\s+[Gg]overnment)?\s+"
                            r"(?:has\s+|have\s+|had\s+)?(?:now\s+|also\s+|formally\s+|officially\s+|finally\s+)?$")
_DECISION_VERB = re.compile(r"(?i)(?:approv|clear|block|prohibit|veto|reject|order|fin(?:ed|es)\b|sued|sues|suing)")
#: "The three men purchased a collective $100 million in X stock": a counted group of persons named as the
#: subject does the act it tells (as a name does: "Vance bought")
_COUNTED_PERSONS_SUBJECT = re.compile(r"\b[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                                      r"(?:men|women|individuals|investors|traders|executives|brothers|sisters|"
                                      r"defendants|buyers|founders)\s+(?:have\s+|has\s+|had\s+)?(?:[a-z]+ly\s+)?$")
#: "An Acme Corp. shareholder sued", "an Acme customer said": one holder, customer or worker of a party named by its
#: name is a person of its own, not the party (unlike its spokesperson or board, who act for it)
_ONE_OF_PARTY = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[A-Z][\w&.'’-]*\s+)+"
                           r"(?:shareholder|stockholder|investor|customer|client|employee|worker|user|supplier|rival|competitor|critic)\s+"
                           r"(?:(?:has|have|had|also)\s+)?(?:[a-z]+ly\s+)?$")
#: "The all-cash deal, which was announced on Dec. 20, values X at $95 a share": a deal that values its target is
#: no party acting; the writer tells what the terms come to
_DEAL_VALUES = re.compile(r"(?i)\b(?:the|this|that|its|their)\s+(?:[\w$€£.,-]+\s+){0,3}?(?:deal|transaction|"
                          r"agreement|merger|offer|acquisition|takeover|purchase|bid)(?:,\s+(?:which|that)\b[^,]*,)?\s+"
                          r"(?:also\s+)?$")
#: "a previously agreed plan to invest", "its $20 billion deal to buy": an infinitive naming an act
_NOUN_TO = re.compile(r"(?i)\b(?:plans?|deal|agreement|bid|offer|intent|intention|effort|attempt|right|option|"
                      r"ability|commitment|pledge|proposal|push|quest|drive)\s+(?:to\s+)?$")
#: "As X works to close its $28 billion sale", "Acme is struggling to complete": an effort toward an act
#: is not the act (like "its effort to")
_EFFORT_TO = re.compile(r"(?i)\b(?:works?|working|worked|tries|try|trying|tried|strives?|striving|strove|"
                        r"struggles?|struggling|struggled|fights?|fighting|fought|races?|racing|raced|"
                        r"scrambles?|scrambling|scrambled)\s+(?:to\s+)?$")
#: "..., targeted to put it in a place to compete", "a fund designed to invest in": a participle's purpose names
#: an act to come, none done
_PURPOSE_TO = re.compile(r"(?i)\b(?:designed|intended|meant|targeted|aimed|geared|calculated)\s+to\s+$")
#: "Regulatory OK for $5.4B Tower Buy", "the $28 billion Cerner purchase": an act word right after a figure (and the
#: names it sizes) is the deal told as a noun, no verb: title-cased in a headline or with no object after it (unlike
#: "the nearly $20 billion Fidelity valued its stake at", a relative clause whose verb has its object)
_FIGURE_BEFORE = re.compile(r"(?:US|A|C)?[$€£]\s?\d[\d.,]*\s?(?:[BbMmKk]n?|[Bb]illion|[Mm]illion|[Bb]ln|[Mm]ln|"
                            r"[Tt]rillion)?[\s-]+(?:[A-Z][\w.&'’-]*\s+){0,2}$")
_NOUN_END = re.compile(r"\s*(?:$|[,;:.)!?—–-]|(?:of|for|by|in|with|from|to|was|is|has|will|would)\b)")
#: statement verbs: a name before one is a speaker, a party only when it is one of the deal's
_FRAME_VERB = re.compile(r"(?i)\b(?:said|says|stated|states|announced|announces|disclosed|discloses|detailed|"
                         r"details|confirmed|confirms|wrote|writes)\b")
#: "was announced", "is valued": the verb's subject undergoes the act (unless an agent follows)
#: (an adverb may stand between: "was first announced by X", "had since been cleared")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+|(?:first|already|also|since|"
                             r"later|then|just|once)\s+)?$")
_PARTICIPLE = re.compile(r"(?i)[a-z]+ed|paid|made|sold|bought|put|led|taken(?: private| over)?|done|called off")
#: "a company that's being acquired by X", "its plans to be acquired by X": a relative clause describing a
#: name by the deal under way, or the deal still to come, tells what it undergoes, not an act of the agent
_UNDER_WAY = re.compile(r"(?i)(?:\b(?:that|which|who)(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+being|\bto be)\s+"
                        r"(?:[a-z]+ly\s+)?$")
#: "... was blocked in March 2018 by President ...": a passive act with its agent is still an act
_AGENT = re.compile(r"[^,;:]{0,40}?\bby\s+(?:the\s+)?[A-Z]")
#: "... by internet and telecommunications conglomerate SoftBank": an agent named after its description
_DESCRIBED_AGENT = re.compile(r"[^,;:]{0,40}?\bby\s+(?:the\s+)?(?:(?!of\b)[a-z-]+\s+){1,4}([A-Z][\w&'’-]*)")


#: "more than Google paid for it": a name right before a verb after "than" is the subject of a comparative
#: clause, not the object of "than"
_THAN_BEFORE = re.compile(r"\bthan\s+$")
_NAME_RUN = re.compile(r"(?:\s+[A-Z][\w&.'’-]*)*")
_NAMES_ONLY = re.compile(r"(?:[\s,]+[A-Z][\w&.'’-]*)*[\s,]*")
_WHO_AFTER = re.compile(r",\s+(?:who|which)\b")
_BY_BEFORE = re.compile(r"\bby\s+$")
#: "... acquired by the drugmaker for $43 billion": an agent told by its description ("the company"), a party
_BY_AGENT = re.compile(r"[^,;:]{0,20}?\bby\s+")
_NOT_AN_AGENT = re.compile(r"(?i)(?:deal|transaction|agreement|merger|shareholders|stockholders)$")


#: "..., says Oil Show President Larry Richards": a statement verb after a comma with a name after it is
#: inverted, the speaker is that name (the words before the comma are what is said); a title word ends the
#: speaker's organisation, which is a party only when all its words are a party's
_INVERTED_SPEAKER = re.compile(r"\s+((?:[A-Z][\w&.'’-]*\s+)*[A-Z][\w&.'’-]*)")
_TITLE = re.compile(r"(?:President|CEO|Chief|Chairman|Chairwoman|Chair|Executive|Director|Founder|Co-founder|Head|"
                    r"Spokesman|Spokeswoman|Spokesperson|Analyst|Partner|Senator|Secretary|Commissioner)$")
_ORG_SUFFIX = re.compile(r"(?i)(?:Corp|Corporation|Inc|Co|Ltd|LLC|plc|Group|Holdings|Company)\.?$")


def _inverted_speaker(text: str, verb: re.Match[str], parties: set[str] | None) -> bool | None:
    """For "..., says X": whether the speaker X is a party; None when the verb is not inverted."""
    from .transactions import _LEAD_STOP

    name = _INVERTED_SPEAKER.match(text, verb.end())
    if not (name and re.search(r"[,”\"]\s*$", text[:verb.start()]) and _FRAME_VERB.fullmatch(verb.group(0))):
        return None
    words = [re.sub(r"['’]s$", "", w) for w in name.group(1).split()]
    if words[0].rstrip(".,") in _LEAD_STOP:
        return None  # "..., announced Tuesday, ...": a participle and its time, no speaker
    org = next((words[:i] for i, w in enumerate(words) if _TITLE.match(w)), words)
    org = [w for w in org if not _ORG_SUFFIX.fullmatch(w)]
    return bool(org) and (parties is None or all(w.rstrip(".,").casefold() in parties for w in org))


def window(text: str, at: int, width: int = 160) -> str:
    """The words just before ``at``: the rules that read what precedes a word look no further (so a
    very long sentence costs linear time, not quadratic)."""
    return text[max(0, at - width):at]


@dataclass(frozen=True)
class _Subjects:
    """Where the possible subjects of a verb stand in a text, found once per text so that reading a
    very long sentence stays near linear: the deal parties' names (``ends`` of each, ``valid``: not a
    possessor nor an object, ``last_valid``: the last valid one up to each), the new subjects that
    take over after a name, and the first party noun ("it", "the company") and plain name."""

    starts: list[int]
    ends: list[int]
    possessor: list[bool]
    last_valid: list[int]
    new_starts: list[int]
    new_ends: list[int]
    first_noun_end: float
    first_name_end: float

    def party_before(self, text: str, at: int, gerund: bool) -> bool:
        """A deal party is the subject of the verb at ``at``: its last valid mention before it with no
        new subject in between ("For Lumen, ..., the cash pays for" is not Lumen paying); a gerund's
        subject may be an object right before it ("an analysis of Meta Platforms, Inc. committing")."""
        i = bisect_right(self.ends, at) - 1
        if i < 0:
            return False
        k = i if gerund and not self.possessor[i] and _NAMES_ONLY.fullmatch(text, self.ends[i], at) \
            else self.last_valid[i]
        if k < 0:
            return False
        j = bisect_left(self.new_starts, self.ends[k])
        return not (j < len(self.new_starts) and self.new_ends[j] <= at)


@lru_cache(maxsize=8)
def _subjects(text: str, parties: frozenset[str] | None, outlets: frozenset[str]) -> _Subjects:
    """The possible subjects in ``text`` (see :class:`_Subjects`)."""
    from .transactions import _LEAD_STOP

    starts, ends, possessor, last_valid = [], [], [], []
    first_name_end = math.inf
    for x in _CAPITALISED.finditer(text):
        bare = re.sub(r"['’]s$", "", x.group(0).rstrip(".,’'"))
        if first_name_end == math.inf and bare and bare not in _LEAD_STOP and not any(bare in o for o in outlets):
            first_name_end = x.end()
        if parties is None or re.sub(r"\.(?:com|io|ai)$", "", bare.casefold()) not in parties:
            continue
        run = _NAME_RUN.match(text, x.end())
        owner = bool(re.search(r"['’]s\b", text[x.start():run.end()])) and not _AGENT_NOUN.match(text, run.end())
        obj = bool(_OBJECT_BEFORE.search(window(text, x.start()))) and not _WHO_AFTER.match(text, x.end())
        starts.append(x.start())
        ends.append(x.end())
        possessor.append(owner)
        last_valid.append(len(ends) - 1 if not (owner or obj) else (last_valid[-1] if last_valid else -1))
    new = list(_NEW_SUBJECT.finditer(text))
    first_noun_end = next((x.end() for x in _PARTY_NOUN.finditer(text)
                           if not _BY_BEFORE.search(window(text, x.start(), 12))), math.inf)
    return _Subjects(starts, ends, possessor, last_valid, [m.start() for m in new], [m.end() for m in new],
                     first_noun_end, first_name_end)


def party_act(text: str, rx: re.Pattern[str], outlets: set[str] | frozenset[str],
               parties: set[str] | None = None, limit: int | None = None, begin: int = 0) -> bool:
    """A party's act or statement: an act verb (ending by ``limit``) with a party before it in ``text``
    (one of the deal parties' names when ``parties`` is given, else any name that is not an outlet, a
    month or a filler word; or "the company", "it", "he").

    The name need not stand right before the verb: "Microsoft in March hired ... and agreed to pay".
    A passive verb ("when it was announced") is no party's act. Only verbs from ``begin`` on are read
    (a gerund's clause: "X will write off $1bn after walking away from a $66bn deal" is no act on the deal).
    """
    from .transactions import _LEAD_STOP

    subjects = _subjects(text, frozenset(parties) if parties is not None else None, frozenset(outlets))
    # (a verb must end by ``limit``, but its lookahead may read on: "ended its $1.2 billion| deal")
    for m in takewhile(lambda x: limit is None or x.end() <= limit, rx.finditer(text, begin)):
        verb, near = m.group(0), window(text, m.start())
        if _MARKET_SUBJECT.search(near[-40:]):
            continue  # "shares closed", "the stock price leapt": a market, not a party
        if (inverted := _inverted_speaker(text, m, parties)) is not None:
            if inverted:
                return True
            continue  # "..., says Oil Show President Larry Richards": no party speaks
        if _HOLDERS_SUBJECT.search(near[-60:]):
            continue  # "X's stockholders unanimously approved": a vote of the owners, no act of the party
        if _PARTICIPLE.fullmatch(verb) and (_ADJECTIVE_BEFORE.search(near) or (
                _REDUCED_RELATIVE.search(near) and _NO_OBJECT_AFTER.match(text, m.end()))):
            continue
        if _PASSIVE_BEFORE.search(near) and _PARTICIPLE.fullmatch(verb):
            if _UNDER_WAY.search(near):
                continue  # "a company that's being acquired by X", "plans to be acquired by X": a state
            if _AGENT.match(text, m.end()):
                return True  # "was blocked in March 2018 by President ...": the agent acted
            agent = _DESCRIBED_AGENT.match(text, m.end())
            if agent and parties is not None and agent.group(1).casefold() in parties:
                return True  # "was taken private by telecommunications conglomerate SoftBank"
            if ((by := _BY_AGENT.match(text, m.end())) and (noun := _PARTY_NOUN.match(text, by.end()))
                    and not _NOT_AN_AGENT.search(noun.group(0))):
                return True  # "before being acquired by the drugmaker for $43 billion": the party described
            continue  # "when it was announced": no party acts
        if (_NOUN_TO.search(near) or _EFFORT_TO.search(near)) and (verb.startswith("to ") or near.endswith("to ")):
            continue
        if verb.lower() == "values" and _DEAL_VALUES.search(near):
            continue  # "The deal values X at $27.8bn": the deal, not a party, is the subject
        if _FIGURE_BEFORE.search(near[-60:]) and (verb[:1].isupper() or _NOUN_END.match(text, m.end())):
            continue  # "... OK for $5.4B Tower Buy": the deal named as a noun
        if _PURPOSE_TO.search(near[-40:]):
            continue  # "..., targeted to put at a place to compete": a purpose, no act done
        if _ONE_OF_PARTY.search(near[-80:]):
            continue  # "An Acme shareholder sued": a holder of the party, not the party
        if _COUNTED_PERSONS_SUBJECT.search(near[-60:]):
            return True  # "The three men purchased $100 million in X stock"
        if _UNION_SUBJECT.search(near) or _AUTHORITY_SUBJECT.search(near[-100:]) \
                or _REGULATOR_SUBJECT.search(near[-80:]) \
                or (_STATE_SUBJECT.search(near[-60:]) and _DECISION_VERB.match(verb)):
            return True  # "The EU has given the green light for X to complete ...", "The EU said it would"
        direct = _DIRECT_SUBJECT.search(near)
        name = direct.group(1) if direct else ""
        if direct and name in _LEAD_STOP:
            # "The U.S. FTC picked up": filler words ("The", "U.S.") before the name that is the subject
            run = _LEADING_NAME.match(near, direct.start()).group(0).split()
            name = next((w for w in run if w not in _LEAD_STOP), name)
        if (direct and name not in _LEAD_STOP and not _FRAME_VERB.fullmatch(verb)
                and not (_OBJECT_BEFORE.search(near[:direct.start()])
                         and not _THAN_BEFORE.search(near[:direct.start()]))
                and not re.search(r"['’]s\b", direct.group(0))  # "Figma's IPO values": a thing, not a party
                and not any(name.rstrip(".,") in o for o in outlets)):
            return True  # the verb's own subject, a name: a party to the act it tells
        if parties is not None:
            if subjects.party_before(text, m.start(), verb.endswith("ing") or near.endswith("to ")):
                return True
        elif subjects.first_name_end <= m.start():
            return True
        if subjects.first_noun_end <= m.start():
            return True  # "it", "the company" (not the agent of another verb: "announced by the companies")
    return False


#: "Adobe said:" / "the retailer detailed that": a statement framing everything after it
_FRAME_AFTER = re.compile(r"\s*(?:on \w+\s*|in \w+\s*)?(?::|,?\s*[“\"]|\s+that\b)")
#: "an initial $1.25 billion investment made by Amazon": a party's act told in the passive
_AGENT_AFTER = re.compile(r"^[^,;:]{0,40}?\b(?:made|paid|offered|announced|agreed|invested|led|provided|"
                          r"committed|signed|disclosed|proposed|completed|put)\s+by\s+")


#: "Discover and Capital One reported 62% falls", "the company reported revenue of $675 million": a party
#: reporting its own results makes a statement, it credits no press
#: (not "as reported in the Journal", but "Kellanova reported in a Nov. 4 filing" is its own filing's word)
REPORT_VERB = re.compile(r"\breport(?:ed|s)\b(?!\s+(?:by|to|on)\b)(?!\s+in\b(?!\s+(?:a|an|its|their)\s+"
                         r"(?:[\w.,-]+\s+){0,4}?(?:filing|statement|release)\b))")
_NAME_WORD = r"(?:[A-Z][\w&.'’-]*|and|&|\([^()]{1,15}\))"
#: (an adverb may stand between: "Acme also reported", "the vendor previously reported")
_ADVERB = r"(?:(?:also|previously|earlier|later|separately|additionally)\s+)?"
_NAMES_BEFORE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*\s+{_ADVERB}$")
_COMPANY_BEFORE = re.compile(r"(?i)\bthe (?:[a-z-]+ ){0,2}?(?:company|companies|firms?|banks?|group|lender|"
                             r"chipmaker|startup|start-up|retailer|developer|maker|giant|vendor|supplier|"
                             rf"provider|manufacturer|producer|operator)\s+{_ADVERB}$")

#: "A year earlier, it reported quarterly net profit of ...": a pronoun subject stands for the party
#: the text is about (an outlet's report is told by its name: "Reuters reported")
_PRONOUN_BEFORE = re.compile(r"(?:^|[^\w’'])(?:it|they)\s+(?:also\s+|previously\s+|earlier\s+)?$")


def own_report(text: str, at: int, parties: set[str] | None, outlets) -> bool:
    """The word at ``at`` is a party's "reported" / "reports" of its own (its subject a party)."""
    m = REPORT_VERB.match(text, at)
    if not m or parties is None:
        return False
    near = window(text, at, 80)
    if _COMPANY_BEFORE.search(near):
        return True
    if _PRONOUN_BEFORE.search(near):
        # "it reported that ...": a pronoun may stand for an outlet telling what it learned; a party
        # reports its own figures ("it reported net profit of ...")
        return not re.match(r"\s+that\b", text[m.end():])
    names = _NAMES_BEFORE.search(near)
    if not names:
        return False
    words = [re.sub(r"['’]s$", "", w.rstrip(".,’'")) for w in re.findall(r"[A-Z][\w&.'’-]*", names.group(0))]
    return (any(w.casefold() in parties for w in words)
            and not any(w in o for w in words for o in outlets))


#: "Musk wanted to assess Twitter's claims that about 5% of its users are spam", "Chevron's announcement last
#: autumn of its intention to acquire Hess for $53 billion": a party's statement told as a noun, its content
#: after "that" or "of its ..." (up to the next comma)
_CLAIM_NOUN = re.compile(r"\b([A-Z][\w&.-]*)['’]s\s+(?:own\s+|earlier\s+|public\s+)?(?:claims?|statements?|"
                         r"assertions?|contention|disclosures?|announcement)\s+"
                         r"(?:that|(?:[a-z]+\s+){0,3}?of\s+(?:its|their|his|her))\b")


def framed_by_party(before: str, outlets, parties) -> bool:
    """A party's statement verb followed by a colon, a quote or "that" before the figure, or a party's
    claim or statement told as a noun ("X's claims that")."""
    if any((parties is None or m.group(1).casefold() in parties) and not any(m.group(1) in o for o in outlets)
           and not re.search(r"[,;:—–]", before[m.end():]) for m in _CLAIM_NOUN.finditer(before)):
        return True
    return any(_FRAME_AFTER.match(before, m.end()) and party_act(before, _FRAME_VERB, outlets, parties, m.end())
               for m in _FRAME_VERB.finditer(before))


#: "Since acquiring Arm for $32 billion in 2016, SoftBank has ...": a leading gerund of a party's act,
#: whose subject is the main clause's
_LEADING_GERUND = re.compile(r"^\W*(?:After|Since|Before|Prior\s+to|Upon|On|When|While|By)\s+(?:[a-z]+ly\s+)?"
                             r"(?:acquiring|buying|purchasing|paying|investing|selling|agreeing|offering|"
                             r"announcing|completing|closing|signing|taking|raising)\b[^,;:]*,\s*")


_ITS = re.compile(r"\b(?:its|their)\b")
_LEADING_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*")


def leading_gerund_act(sentence: str, start: int, parties: set[str] | None, outlets) -> bool:
    """The figure lies in a leading gerund clause of an act, and the main clause's subject is a party."""
    lead = _LEADING_GERUND.match(sentence)
    if not lead or lead.end() <= start:
        return False
    if _PARTY_NOUN.match(sentence, lead.end()):
        return True
    name = _LEADING_NAME.match(sentence, lead.end())
    if not name:
        return False
    words = [re.sub(r"['’]s$", "", w.rstrip(".,’'")) for w in name.group(0).split()]
    if not words or any(w in o for w in words for o in outlets):
        return False
    if re.search(r"['’]s\b", name.group(0)):
        # "Prior to announcing its intent to buy Y for $20 billion, X's largest deal was ...": the gerund's
        # act is the possessor's when a pronoun in it stands for that party
        return (parties is not None and bool(_ITS.search(sentence, 0, lead.end()))
                and any(w.casefold() in parties for w in words))
    return parties is None or any(w.casefold() in parties for w in words)


#: "X's $60 billion acquisition of Y has received the green light from the FTC", "... was cleared by the
#: European Commission": the deal named by its figure undergoes a regulator's decision (the regulator acts)
_REGULATOR_NOD = re.compile(r"^[^,;:]{0,80}?\b(?:(?:has|have|had)\s+)?(?:(?:received|receives|won|wins|got|gets|"
                            r"secured|secures|gained|gains|obtained|obtains)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?"
                            r"(?:green\s+light|go-ahead|approval|clearance|blessing)\s+from|(?:was|were|is|are|has\s+been|"
                            r"have\s+been)\s+(?:approved|cleared|blocked|prohibited)\s+by)\s+(?:the\s+)?"
                            r"(?:regulators?\b|authorities\b|watchdogs?\b|antitrust\b|[A-Z]{2,5}\b(?!\s+shareholders)|"
                            r"(?:[A-Z][\w.&'’-]*\s+){1,5}(?:Commission|Department|Ministry|Authority|Agency|Bureau|"
                            r"Tribunal|Court|Government)\b)")


def regulator_nod(after: str) -> bool:
    """The deal named by the figure right before ``after`` gets a regulator's decision in its clause."""
    return bool(_REGULATOR_NOD.match(after))


def agent_is_party(after: str, outlets: set[str]) -> bool:
    """The agent of a passive act right after the figure ("... made by Amazon") is a party to it."""
    m = _AGENT_AFTER.match(after)
    if not m:
        return False
    agent = after[m.end():]
    name = _CAPITALISED.match(agent)
    if name:
        return not any(name.group(0).rstrip(".,") in o for o in outlets)
    return bool(_PARTY_NOUN.match(agent))


#: "According to Acme, its offer represents a 37% premium", "..., according to Acme Corp.": a credit to a deal party
#: by its name is the party's statement (not a possessive, "according to Acme's closing price", nor a data
#: provider or an outlet, which are no party: "according to FactSet")
_PARTY_CREDIT = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?([A-Z][\w&.-]*)(?!['’]s?\b)")


def credited_to_party(text: str, parties: set[str] | frozenset[str] | None, outlets) -> bool:
    """``text`` credits what it says to a deal party by name ("according to Acme")."""
    return parties is not None and any(
        m.group(1).rstrip(".,").casefold() in parties and not any(m.group(1).rstrip(".,") in o for o in outlets)
        for m in _PARTY_CREDIT.finditer(text))
