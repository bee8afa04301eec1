"""What a figure is, from the words right around it, when that alone makes it a projection (used by
:mod:`analysis.stance`): cost savings and synergies still to come, a cut a party will make, a forecast.
"""

from __future__ import annotations

import re

#: "up to $450 million in annual cost savings", "savings of $2 billion": the cost savings or synergies a
#: deal is to bring are a projection (not ones "realised", "achieved" or "delivered")
_SAVINGS_AFTER = re.compile(r"\s*(?:a year\s+|annually\s+|per year\s+)?(?:in|of)\s+(?:[\w“”\"'-]+\s+){0,3}?[“\"']?"
                            r"(?:savings|synergies)\b")
_SAVINGS_BEFORE = re.compile(r"(?<!realized )(?<!realised )(?<!achieved )(?<!delivered )\b(?:savings|synergies)\s+"
                             r"of\s+(?:about\s+|around\s+|roughly\s+|up to\s+|some\s+|more than\s+|at least\s+)?$")
_SAVINGS_DONE = re.compile(r"(?i)\b(?:realized|realised|achieved|delivered)\s+(?:[\w-]+\s+){0,2}$")
#: "launched a $3.5-billion cost-cutting initiative", "$2 billion in cost cuts": the size of a cost-cutting
#: programme is its target, cuts still to come (like savings)
_COST_PROGRAMME_AFTER = re.compile(r"(?i)[\s-]*(?:(?:in|of)\s+)?(?:annual\s+|yearly\s+)?cost[- ](?:cutting|reduction|"
                                   r"savings?|cuts?)(?:\s+(?:initiative|program(?:me)?|plan|drive|effort|target|push|"
                                   r"scheme)s?)?\b")


#: "missing the $3.80 a share analysts had forecast", "the $1.77 billion Wall Street expected": a figure
#: followed by a relative clause (its "that" left out) in which forecasters expect it is their forecast
_FORECAST_AFTER = re.compile(r"\s*(?:a share\s+|per share\s+|a year\s+)?(?:that\s+)?"
                             r"(?:(?:most|many|some|several|[\w-]+-polled)\s+)?"
                             r"(?:analysts|economists|forecasters|Wall Street|the Street|the market|investors|"
                             r"traders)\s+"
                             r"(?:(?:polled|surveyed)\s+by\s+[\w.&'’-]+\s+)?"
                             r"(?:had\s+|have\s+|has\s+|were\s+|was\s+)?"
                             r"(?:forecast(?:ed)?|expected|estimated|projected|predicted|anticipated|pencill?ed\s+in)\b")


#: "X said it would slice 7% of its workforce", "has announced plans to cut about 10% of its staff": a cut a
#: party will make (jobs, costs) is a target, even when the party states it ...
_PLANNED_CUT = re.compile(r"(?i)\b(?:will|would|plans? to|planning to|aims? to|intends? to|(?:is|are|set) to|"
                          r"expects? to)\s+(?:also\s+|further\s+)?(?:cut|slash|slice|trim|reduce|lay\s+off|"
                          r"eliminate|shed|axe)\b")
#: ... unless a notice or filing it made records it ("will lay off 575 employees, according to a notice filed
#: with the state workforce commission")
_FILED_RECORD = re.compile(r"(?i)\baccording to (?:a|an|the|its|their) (?:[\w-]+ ){0,2}?(?:notice|filing)s?\b")


#: "will lay off 575 employees following its $53 billion acquisition of Y, according to the company", "is
#: following up on its $4 billion investment": the party's deal named by its price as the time of another
#: act or statement, or as what another act follows up or pays for ("sold $8 billion of bonds to fund its $27.7
#: billion acquisition"), or as the cause of another figure ("the 0.4% could be attributed to its recent $13.1 billion
#: buy", "growth driven by its $5 billion purchase"); a mere mention of the deal (asserted). (Not "closed on its $35
#: billion acquisition", "proceed with its ...": acts on the deal itself.)
_DEAL_NP_BEFORE = re.compile(r"\b(?:following|after|up on|to (?:help\s+)?(?:fund|finance|refinance|pay for)|"
                             r"(?:attribut(?:ed|able)|due|thanks|owing)\s+to|"
                             r"(?:driven|boosted|helped|fuell?ed|lifted|aided)\s+by|because\s+of)\s+"
                             r"(?:its|their|his|her)\s+(?:[\w-]+\s+)?$")
#: (a "buy" of a target is the deal as a noun: "its recent $13.1 billion buy of Y")
_DEAL_NP_AFTER = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:[\w-]+\s+){0,2}?(?:acquisition|purchase|takeover|merger|"
                            r"deal|investment|buyout|buy(?=\s+of\b))\b")
#: "X expects to close its $28.3 billion acquisition of Y as soon as Monday": a closing still to come is no act
#: done; the deal named by its price in it is a mention (unlike "X closed its $28.3 billion acquisition", or a
#: party's statement of it: "X said it expects to close its $43 billion deal")
_CLOSE_AHEAD_BEFORE = re.compile(r"\b(?:expects?|expected|hopes?|hoped|aims?|plans?|intends?|is\s+set|is\s+poised)\s+"
                                 r"to\s+(?:close|complete|finali[sz]e|consummate|wrap\s+up)\s+"
                                 r"(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}$")
#: "X disclosed layoffs amid its plans to be acquired by Y for $28bn": the deal as the background of another
#: act, a mere mention of it (asserted), like the deal named by its price as the time of another act
_AMID_BEFORE = re.compile(r"\bamid\s+(?:its|their|his|her|the)\s+[^,;:.()]{0,80}$")
#: "concerned it may give X a tight grip on the $200 billion games market": a figure sizing a market named as a
#: definite noun phrase describes what is; a modal before it governs another verb (the grip), not the size
#: (not a market share or value: "would control a $47 billion market share")
_MARKET_SIZE_BEFORE = re.compile(r"\b[Tt]he\s+(?:(?:global|worldwide|world|entire|whole|overall)\s+)?$")
_MARKET_SIZE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:market|industry|sector)\b"
                                r"(?!\s+(?:share|value|valuation|cap|capitali[sz]ation)\b)")
#: the modal verbs that a market's size does not hang on
_AUXILIARY = ("would", "could", "might", "may", "should")
#: "The $200 billion tech juggernaut is paying $157 per share": a figure sizing the party that is the subject
#: describes it (its market value), the party's act is not about it
_SIZED_SUBJECT_BEFORE = re.compile(r"^\W*(?:[Tt]he|[Aa]n?)\s+$")
_SIZED_SUBJECT_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:company|firm|giant|juggernaut|behemoth|titan|group|"
                                  r"conglomerate|[a-z]*maker|startup|lender|bank|retailer|producer)\b")
#: "a 31% premium over the company's closing price of $119.59", "made its market debut with an opening price of
#: $38.50": a closing or opening price is the market's figure, the act the sentence tells (the offer it is
#: compared with, the debut) is not about it (a party's statement still covers it: "X said it will pay $335 a share,
#: a 4.7% premium to Thursday's closing price of $319.99")
_CLOSING_PRICE_BEFORE = re.compile(r"(?i)\b(?:closing|opening)\s+(?:share\s+|stock\s+|trade\s+)?price\s+of\s+$")
#: "X purchased 15 million Y shares, worth about $2.3 billion based on Y's closing share price": what a
#: holding is worth at a market price is the writer's reckoning, the act (the purchase) is not about it
_WORTH_BEFORE = re.compile(r"(?i)\bworth\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|some\s+)?$")
_PRICE_BASIS_AFTER = re.compile(r"(?i)\s*based\s+on\s+(?:[\w.&'’-]+\s+){0,3}?(?:closing|share|stock|market)\b")
#: "X would also assume $8 billion of Y's net debt": the debt a buyer takes on is a term of the deal, its
#: "would" tells the agreement's terms, not a possibility
_WOULD_ASSUME = re.compile(r"(?i)would\s+(?:also\s+)?assume\s+[^,;:]{0,30}$")
_DEBT_AFTER = re.compile(r"(?i)\s+(?:of\s+)?(?:[\w.&'’-]+\s+){0,4}?(?:net\s+)?(?:debt|liabilities|leverage)\b")
#: "X slashed its full-year revenue forecast by 13%": the figure is the size of the change a party made to its
#: forecast (a fact), not the forecast itself ("revised its forecast to a $2 billion loss" is the forecast)
_FORECAST_CHANGED_BY = re.compile(r"(?i)\b(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?(?:forecasts?|guidance|"
                                  r"outlook|projections?)\s+by\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
                                  r"almost\s+|some\s+|more than\s+|as much as\s+)?$")
#: "it would surpass the $12.5 billion deal that it made in 2012": the figure a new one would pass is a
#: baseline, what it is does not hang on the modal or the condition of the comparison
_SURPASSED = re.compile(r"\b(?:surpass|exceed|top|eclipse|dwarf|overtake|outstrip|outdo|beat)(?:s|es|ed|ped|ping|ing)?"
                        r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")
#: "If the deal pans out, it'll be twice as big as X's $16 billion bid for Y": the figure an equal comparison
#: measures against is a baseline likewise
_AS_BIG_AS = re.compile(r"\bas\s+(?:big|large|great|small|costly|expensive|high|much)\s+as\s+"
                        r"(?:the|its|their|his|her|[A-Z][\w.&-]*['’]s)\s+(?:[\w-]+\s+){0,2}$")
#: "... would have been its largest deal yet, well above its takeover of Y for about $7 billion in 2006": a past
#: deal a comparison measures against is a baseline likewise
_ABOVE_DEAL = re.compile(r"\b(?:(?:well|far|just|way|much)\s+)?(?:above|below|(?:bigger|larger|greater|smaller)\s+than)"
                         r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:deal|acquisition|takeover|purchase|"
                         r"merger|buyout)\s+(?:of|for|with)\b[^,;:]{0,60}$")


_COST_BOUND = r"(?:up to|as much as|an estimated|between|about|around|roughly|approximately|some)"
#: "The restructuring will cost up to $350 million", "is expected to cost as much as $2 billion": a cost still to
#: come, given as a bound or an approximation, is an estimate of it
_FUTURE_COST_BEFORE = re.compile(r"(?i)\b(?:will|would|(?:is|are)\s+(?:expected|likely|set)\s+to)\s+(?:also\s+)?cost\s+"
                                 r"(?:(?:it|them|the company|(?-i:[A-Z])[\w.&'’-]*)\s+)?(?:_BOUND\s+)?$".replace(
                                     "_BOUND", _COST_BOUND))


def projected_savings(sentence: str, start: int, end: int) -> bool:
    """The figure is an amount of cost savings, synergies or cost cuts still to come, or a cost still to come
    given as a bound ("will cost up to $350 million")."""
    if _SAVINGS_BEFORE.search(sentence, max(0, start - 40), start) \
            or ((cost := _FUTURE_COST_BEFORE.search(sentence, max(0, start - 60), start))
                and re.search(rf"\b{_COST_BOUND}\b", sentence[cost.start():end])):
        return True
    if _COST_PROGRAMME_AFTER.match(sentence, end) and not _SAVINGS_DONE.search(sentence, max(0, start - 40), start):
        return True
    return bool(_SAVINGS_AFTER.match(sentence, end)) and not _SAVINGS_DONE.search(sentence, max(0, start - 40), start)


def planned_cut(modal_lead: str, sentence: str) -> bool:
    """A cut (jobs, costs) a party will make governs the figure, and no notice or filing records it."""
    return bool(_PLANNED_CUT.search(modal_lead)) and not _FILED_RECORD.search(sentence)


#: "Revenue: $14.46 billion vs. $14.55 billion expected", "$1.60 estimated": a participle right after the figure
#: (no infinitive after it: "$5 billion expected to close") says the figure is what was expected, a forecast
_EXPECTED_AFTER = re.compile(r"(?i)\s*(?:a share\s+|per share\s+)?(?:expected|estimated|forecast|projected|"
                             r"anticipated)\b(?!\s+(?:to|that)\b)(?=\s*(?:by\b|[,;.)]|$))")


#: "its $400 million in current-year revenues", "this year's sales of $2 billion": the takings of a year not yet over
#: are a projection of it
_CURRENT_YEAR_AFTER = re.compile(r"(?i)\s*(?:in|of)\s+(?:expected\s+|projected\s+)?(?:current[- ](?:fiscal[- ])?year|"
                                 r"this[- ]year['’]s)\s+(?:[\w-]+\s+)?(?:revenues?|sales|earnings|profits?|income)\b")
_CURRENT_YEAR_BEFORE = re.compile(r"(?i)\b(?:current[- ](?:fiscal[- ])?year|this[- ]year['’]s)\s+(?:[\w-]+\s+)?"
                                  r"(?:revenues?|sales|earnings|profits?|income)\s+of\s+(?:about\s+|around\s+|"
                                  r"roughly\s+|nearly\s+|some\s+)?$")


def forecast_figure(sentence: str, start: int, end: int) -> bool:
    """The figure is what forecasters expect ("missing the $3.80 a share analysts had forecast", "$1.60
    expected"), or the takings of the year still under way ("$400 million in current-year revenues")."""
    return bool(_FORECAST_AFTER.match(sentence, end) or _EXPECTED_AFTER.match(sentence, end)
                or _CURRENT_YEAR_AFTER.match(sentence, end)
                or _CURRENT_YEAR_BEFORE.search(sentence, max(0, start - 60), start))


#: "beating Wall Street expectations of $6.2 billion", "the consensus estimate for $1.10 a share": a figure that
#: a forecast noun names is the forecast
_FORECAST_OF = re.compile(r"(?i)\b(?:expectations?|estimates?|forecasts?|projections?|consensus|guidance|predictions?)"
                          r"\s+(?:of|for)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+)?$")
#: "beat its guidance for the quarter, with revenue of $234 million", "topped estimates with sales of $2.2 billion":
#: a forecast that a result beat or missed is the object of that comparison; the result told beside it is no forecast
_BEATEN = re.compile(r"(?i)\b(?:beat|beats|beating|topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|"
                     r"surpassing|missed|misses|missing|(?:fell|falls|falling) short of|"
                     r"came in (?:above|below|ahead of))"
                     r"\s+(?:[\w'’-]+\s+){0,4}?(?:guidance|forecasts?|estimates?|expectations?|projections?|outlook|"
                     r"consensus)\b")


def named_forecast(sentence: str, start: int) -> bool:
    """The figure is what a forecast noun right before it names ("expectations of $6.24 billion")."""
    return bool(_FORECAST_OF.search(sentence, max(0, start - 60), start))


def in_beaten_forecast(sentence: str, at: int, start: int) -> bool:
    """Position ``at`` lies in a forecast that a result beat or missed, told before the figure (and the
    figure is not that forecast's own)."""
    return any(m.start() <= at < m.end() for m in _BEATEN.finditer(sentence, max(0, at - 80), min(start, at + 160)))


#: "Implying premiums of 40%, 50% and 60% would yield prices of ...", "Paying $30 billion could strain ...": a
#: figure in a gerund phrase that is the subject of a modal verb is a hypothetical (not a leading adverbial:
#: "Citing $5 billion in savings, the company would ...", nor a preposition: "According to ...")
_GERUND_SUBJECT = re.compile(r"^\W*(?!(?:According|Following|Including|Excluding|Regarding|Concerning|During|"
                             r"Notwithstanding|Pending|Bring|Thing|Spring|King|Morning|Evening)\b)[A-Z][a-z]+ing\s"
                             r"(?:[^,;:.]|,\s*(?=(?:and\s+|or\s+)?(?:US|A|C)?[$€£\d]))*")
_MODAL_AFTER = re.compile(r"(?:[^,;:.]|,\s*(?=(?:and\s+|or\s+)?(?:US|A|C)?[$€£\d]))*?\s(?:would|could|might|may)\s")


def hypothetical_gerund(sentence: str, start: int, end: int) -> bool:
    """The figure stands in a gerund phrase that is the subject of a modal ("Paying $30 billion would ...")."""
    subject = _GERUND_SUBJECT.match(sentence)
    return bool(subject and subject.end() >= end and _MODAL_AFTER.match(sentence, end))


#: "would likely value X at more than the $17 billion market cap it held": a market value or price that a
#: comparison measures against (with its article: an existing one) is a baseline, what it is does not hang on the
#: hedge of the comparison
_MARKET_VALUE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:market\s+(?:cap|capitali[sz]ation|value)|valuation|"
                                 r"(?:share|stock|closing)\s+price)\b")
#: the hedges that a baseline does not hang on
_BASELINE_HEDGES = ("would", "could", "might", "may", "should", "likely", "probably", "possibly", "potentially")
#: "Spinning off X could be like ..., boosting the stock by as much as 27%": a share move that a modal of its
#: clause governs is a hypothetical, no move the market made
_MOVE_MODAL = re.compile(r"\b(?:could|might|would|(?<![Ii]n )(?<![Oo]n )(?<!\bof )may(?!\s+\d))\b")


#: "its deal to buy the remaining 61% stake of Y", "its offer for the 61% of Y that it does not already own": the
#: share of the target a buyer does not hold yet is what is (its holding), a hedge of the buying is not about it
_REMAINING_BEFORE = re.compile(r"(?i)\b(?:buy|acquire|purchase|take over|(?:acquisition|purchase|takeover)\s+of|"
                               r"(?:offer|bid|deal)\s+for)\s+(?:the\s+)?remaining\s+$")
_NOT_OWNED_AFTER = re.compile(r"(?i)(?:\s+stake)?(?:\s+(?:of|in)\s+(?:(?-i:[A-Z])[\w&.'’-]*\s+)+?)?\s*"
                              r"(?:that\s+|which\s+)?(?:it|they|he|she|(?-i:[A-Z])[\w&.'’-]*)\s+(?:does|do|did)\s*(?:not|n['’]t)\s+"
                              r"(?:already\s+|yet\s+)?own\b")


def remaining_stake(sentence: str, start: int, end: int) -> bool:
    """The figure is the share of a company that a buyer does not own yet ("the remaining 61%", "the 61% of Y
    it doesn't already own")."""
    return bool(_REMAINING_BEFORE.search(sentence, max(0, start - 60), start) or _NOT_OWNED_AFTER.match(sentence, end))


#: "Acme raised its offer to $71 billion, outbidding Beta's $65 billion (£50 billion) bid": a rival's bid that
#: another bid tops is the baseline of the comparison, the acts told before it are the other bidder's
_RIVAL_BID_BEFORE = re.compile(r"\b(?:outbid(?:s|ding|ded)?|top(?:s|ped|ping)?|trump(?:s|ed|ing)?|beat(?:s|ing)?|"
                               r"surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|better(?:s|ed|ing)?)\s+"
                               r"(?:[A-Z][\w&.'’-]*\s+){0,3}?[A-Z][\w&.-]*['’]s\s+(?:[^,;:()]{0,40}\(\s*)?$")
_BID_AFTER = re.compile(r"(?i)[^,;:]{0,40}?\b(?:bid|offer|proposal)s?\b")


def rival_bid(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """The figure is a rival's bid that another bid tops ("outbidding Beta's $65 billion bid"): the words up to it."""
    m = _RIVAL_BID_BEFORE.search(sentence, max(0, start - 80), start)
    return m if m and _BID_AFTER.match(sentence, end) else None


_OWNER = re.compile(r"([A-Z][\w.&-]*)['’]s\b")


def foreign_possessor(np: str, sentence: str, end: int, parties: set[str] | frozenset[str] | None) -> bool:
    """The figure's possessor ("Avatar's $2.2 billion in box office earnings") is a name that is no deal party and
    the figure no deal of it: the figure is that name's own, and a party's act told before it ("enabled Acme to
    acquire franchises, giving it a portion of Avatar's ...") is not about it."""
    owner = _OWNER.match(np)
    return bool(owner and parties is not None and owner.group(1).casefold() not in parties
                and not _DEAL_NP_AFTER.match(sentence, end))


#: "the company said the 0.4% of that figure could be attributed to ...", "$2 billion might be saved": a figure that
#: heads the subject of a hedging modal is what may be (unlike a figure sizing a noun, "the $20 billion acquisition
#: may be in trouble", which states the figure and hedges something else)
_HEDGED_AFTER = re.compile(r"(?:\s+of(?:\s+[\w'’-]+){1,4}?)?\s+(?:could|might|may)\s+(?:well\s+|also\s+)?"
                           r"(?:not\s+)?(?:be|have|come|go|reach|rise|fall|grow)\b")


#: ... the figure opens its noun phrase (not an object: "that the deal costs $6.4 billion might be all the motive")
_HEDGED_BEFORE = re.compile(r"(?i)(?:^|[,;:—–(]\s*|\b(?:the|an?|that|this|these|those|another|said|says|say|and|but)"
                            r"\s+)"
                            r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|up\s+to\s+|as\s+much\s+as\s+)?$")


def hedged_figure(sentence: str, start: int, end: int) -> bool:
    """The figure heads the subject of "could" / "might" / "may" ("the 0.4% of that figure could be attributed")."""
    return bool(_HEDGED_AFTER.match(sentence, end) and _HEDGED_BEFORE.search(sentence, max(0, start - 40), start))


#: "they will be the 13th business with sales in excess of $1 billion annually", "the unit will generate $2 billion
#: in revenue": sales, revenue or profit that a clause in the future tense tells are a forecast of them, even when a
#: party says it (unlike "X will pay $335 a share", a term it commits to)
_FUTURE = re.compile(r"(?i)\b(?:will|shall)\b|['’]ll\b|\b(?:is|are)\s+going\s+to\b")
_TAKINGS_BEFORE = re.compile(r"(?i)\b(?:sales|revenues?|turnover|earnings|profits?|income|ebitda)\s+"
                             r"(?:of\s+|(?:in\s+excess\s+of|exceeding|above|topping|north\s+of|of\s+more\s+than|"
                             r"of\s+at\s+least|of\s+about|of\s+around|of\s+roughly|total(?:l)?ing(?:\s+more\s+than|\s+about|"
                             r"\s+around|\s+roughly|\s+nearly|\s+over)?)\s+)?$")
_TAKINGS_AFTER = re.compile(r"(?i)\s*(?:a\s+year\s+|annually\s+|per\s+year\s+)?(?:in|of)\s+(?:annual\s+|yearly\s+|"
                            r"additional\s+|new\s+)?(?:sales|revenues?|turnover|earnings|profits?|income)\b")


def future_takings(modal_lead: str, sentence: str, start: int, end: int) -> bool:
    """The figure is sales, revenue or profit told in the future tense before it in its clause."""
    return bool(_FUTURE.search(modal_lead) and (_TAKINGS_BEFORE.search(sentence, max(0, start - 40), start)
                                                or _TAKINGS_AFTER.match(sentence, end)))


#: "TSEM closed Monday regular trading at $33.13 down $0.67 or 1.98%", "Shares of X, which makes chips, soared nearly
#: 53% in extended trading": a price or a move the market made, its subject shares, a stock or a ticker and its verb a
#: market's, told right before the figure (a few plain words, a weekday or another market figure between them); no act
#: of a party told in the sentence is about it ("Shares of X gained ground, on word it agreed to buy Y for $14
#: billion" is no such move: a comma and an act stand between)
_MARKET_MOVER = r"(?:\b(?:[Ss]hares?|[Ss]tocks?)\b|\b[A-Z]{2,5}\b(?!['’.]))"
_MARKET_VERB = (r"(?:closed|ended|finished|opened|traded|soared|jumped|rose|fell|surged|slid|dropped|climbed|tumbled|"
                r"plunged|sank|slumped|rallied|gained|dipped|spiked|skyrocketed|edged\s+(?:up|down|higher|lower)|"
                r"(?:was|were|is|are)\s+(?:down|up|higher|lower|trading))")
_MOVE_TOKEN = (r"(?:(?!(?:the|an?|its|their|his|her|as|when|while|after|that|which|who|said|says|agreed|offered)\b)"
               r"[a-z][a-z-]*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:US|A|C)?[$€£]?\d[\d.,]*(?:\s?(?:%|per\s?cent|"
               r"percent))?)")
_MARKET_MOVE = re.compile(rf"{_MARKET_MOVER}(?:[^,;:.]|\.(?=\d)|,\s+(?:which|who)\b[^,;:]*,){{0,120}}?\s"
                          rf"{_MARKET_VERB}(?:\s+{_MOVE_TOKEN}){{0,8}}\s+$")
#: "... while X was down 0.8%": a name that was up or down by a percentage is its stock (not "Revenue was up 5%")
_NAME_MOVED = re.compile(r"\b(?!(?:Revenues?|Sales|Income|Profits?|Earnings|Growth|Margins?|EPS|Output|Volume)\b)"
                         r"[A-Z][\w.&'’-]*\s+(?:was|were|is|are)\s+(?:down|up)\s+(?:about\s+|nearly\s+|almost\s+|"
                         r"roughly\s+|some\s+|more\s+than\s+)?$")
_PERCENT_AFTER = re.compile(r"[\d.,]*\s?(?:%|per\s?cent|percent)")


def market_move(sentence: str, lo: int, start: int, end: int) -> bool:
    """The figure (its clause starting at ``lo``) is a price or a move the market made, told plainly."""
    before = sentence[max(lo, start - 200):start]
    return bool(_MARKET_MOVE.search(before)
                or (_NAME_MOVED.search(before) and _PERCENT_AFTER.search(sentence, start, end)))


#: "..., which currently represents just 35% of its revenue": a relative clause telling what is now is a present
#: fact; the talks, estimates or analysts' words elsewhere in the sentence are not about it
_PRESENT_RELATIVE = re.compile(r"(?i),\s+(?:which|that|who)\s+(?:currently|now|already|today)\s+(?:represents?|"
                               r"accounts?\s+for|makes?\s+up|generates?|holds?|has|have|is|are)\s+(?:just\s+|only\s+|"
                               r"about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?$")


def present_fact(sentence: str, start: int) -> bool:
    """The figure is told by a relative clause of what is now ("which currently represents 35% of ...")."""
    return bool(_PRESENT_RELATIVE.search(sentence, max(0, start - 80), start))
