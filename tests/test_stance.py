"""Certainty (stance) of a figure, one test per cause of disagreement with the careful labels of
``examples/CERTAINTY.md``, on sentence shapes taken from real coverage (names made up)."""

from __future__ import annotations

import pytest

from analysis.claims import Lexicons
from analysis.stance import classify_stance

PARTIES = {"northwind", "southgate", "vance"}
OUTLETS = {"Reuters", "Bloomberg"}


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    return Lexicons.load()


def stance(lex: Lexicons, sentence: str, figure: str, parties: set[str] | None = PARTIES,
           market: bool = False) -> str:
    """The stance of the first occurrence of ``figure`` in ``sentence``."""
    at = sentence.index(figure)
    return classify_stance(sentence, lex, "", (at, at + len(figure)), OUTLETS, parties, market=market)


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a modal before a relative clause governs the antecedent's verb, not the figure inside it
    ("Part of that $653 million total may go toward buying back the equity of existing Southgate "
     "shareholders, who have been guaranteed $1.50 for every dollar of equity they own.", "$1.50", "asserted"),
    # a party's act inside a relative clause after the figure is not about the figure
    ("The purchase price represents a 38% premium to Southgate's closing stock price on April 1, which was "
     "the last trading day before Mr. Vance disclosed his stake in Southgate.", "38%", "asserted"),
    # ... but the antecedent of "who" is the subject of the act in its relative clause
    ("Southgate will receive around $25 million, while investors like Westbrook and Eastbay Ventures, who put "
     "$414 million into the company, will roughly recoup their investment.", "$414 million", "confirmed"),
])
def test_relative_clauses(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # a leading time clause is its own clause: the act in it is not the figure's
    ("After Vance disclosed a 9% stake in Southgate in early April, Southgate's stock price leapt from around "
     "$40 per share to as high as over $50 per share.", "$40", False, "asserted"),
    # talks, rumours and reports in a time clause after the figure date its context, they do not credit it
    ("Northwind’s offer price of $142.50 per Southgate share represents a premium of nearly 49 per cent to the "
     "stock’s closing price when talks of the deal were first reported on May 22.", "49 per cent", False,
     "asserted"),
    ("That is more than 40 percent higher than Southgate’s stock price before rumors of a deal began to "
     "circulate over the weekend.", "40 percent", False, "asserted"),
    ("Southgate shares jumped more than 5% in the premarket Monday on reports the company is nearing a deal "
     "with Vance.", "5%", True, "asserted"),
])
def test_time_clauses_do_not_qualify_the_figure(lex: Lexicons, sentence: str, figure: str, market: bool,
                                                 expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


def test_an_outlet_in_a_time_clause_before_the_figure_still_credits_it(lex: Lexicons) -> None:
    sentence = "That is when Reuters reported the talks, with a price tag of $2-2.5 billion for 30% of the company."
    assert stance(lex, sentence, "$2-2.5 billion") == "reported"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The regulator is also seeking more information on the investments from Northwind into Southgate, which "
     "was worth $4 billion, stated a report.", "$4 billion"),
    ("The report noted that the company’s investors, who once saw it as a “rocket ship” valued at $4 billion, "
     "are now expected to see a modest return.", "$4 billion"),
    ("Investors in a subsequent $1.3 billion funding round last year will receive 1.1 times their investment, "
     "the person said.", "$1.3 billion"),
    ("As The Journal notes, companies are required to report any acquisition that's valued at $119 million or "
     "more to federal antitrust agencies.", "$119 million"),
])
def test_credit_to_a_report_or_an_unnamed_person(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "reported"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the passive "was announced" is no party's act
    ("The transaction, worth $61 billion when it was announced in May 2022, pushes the chipmaker deeper "
     "into software.", "$61 billion", "asserted"),
    # "by the companies" is the agent of another verb; "in Southgate" is an object, not a subject
    ("The new infusion, announced by the companies on Friday, follows a $4 billion investment in Southgate "
     "completed earlier this year.", "$4 billion", "asserted"),
    # "a previously agreed plan": a participle used as an adjective, and an agreed plan is no rumour
    ("The deal marks the second round of funding provided by the giant under a previously agreed plan to "
     "invest up to $4bn in the startup.", "$4bn", "asserted"),
    # a possessor's deal is named, not done: "Northwind Inc.'s $20 billion deal to buy Southgate Inc."
    ("The competition authority, which was investigating Northwind Inc.'s $20 billion deal to buy Southgate "
     "Inc., announced Tuesday that it has provisionally found the deal would harm competition.",
     "$20 billion", "asserted"),
])
def test_what_is_no_party_act(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # a passive act with its agent right after the figure
    ("This investment follows an initial $1.25 billion investment made by Northwind in September.",
     "$1.25 billion"),
    # a name right before the verb is its subject, and a party to the act it tells
    ("A day earlier, a bankrupt exchange, Eastbay, sold a significant portion of its 8% stake in Southgate "
     "to institutional investors.", "8%"),
    # a gerund after "after" has the main clause's subject
    ("Vance offered $43 billion for Southgate soon after disclosing a 9.2% stake in the company.", "9.2%"),
    # "stock" ending a noun phrase far from the verb is no market subject; "per share" neither
    ("The deal is a combination of cash and stock, with Northwind assuming $8 billion in Southgate debt.",
     "$8 billion"),
    ("At $54.20 per share, Vance will pay a 38% premium over Southgate's closing stock price.", "38%"),
    # a regulator's own decision
    ("Watchdogs have cleared the £54billion takeover of Southgate by Northwind.", "£54billion"),
    # a party's words in the first person
    ("\"As a result, I am offering to buy 100% of Southgate for $54.20 per share in cash.", "$54.20"),
    # a party's continued act
    ("Northwind is following up on its investment in the startup Southgate with another $4 billion.",
     "$4 billion"),
])
def test_party_acts_in_other_shapes(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "parties"), [
    # "said:" frames the quote after it (a regulator's panel chair speaking for its decision)
    ("Jane Roe, chair of the independent group conducting the investigation, said: “The digital design "
     "sector is worth nearly £60 billion to the UK – representing 2.7% of the national economy.”",
     "£60 billion", PARTIES),
    # "detailed that" frames the rest of the sentence, past its "while"
    ("In its quarterly report to the regulator this week, the online retailer detailed that it had invested "
     "in a $1.25-billion note, while its ability to invest up to $2.75-billion in a second note expires in "
     "the first quarter.", "$2.75-billion", PARTIES),
])
def test_a_party_statement_frames_what_follows(lex: Lexicons, sentence: str, figure: str,
                                               parties: set[str]) -> None:
    assert stance(lex, sentence, figure, parties) == "confirmed"


def test_a_modal_before_a_possessors_deal_governs_another_verb(lex: Lexicons) -> None:
    sentence = ("The window in which regulators could object to Vance's planned $44 billion takeover of "
                "Southgate has now ended, according to the company.")
    assert stance(lex, sentence, "$44 billion") == "confirmed"
    # a modal inside the possessor's noun phrase still makes the figure a rumour
    assert stance(lex, "Northwind's potential $10 billion investment in Southgate is large.",
                  "$10 billion") == "rumoured"


def test_a_comparison_is_its_own_clause(lex: Lexicons) -> None:
    sentence = ("The final terms value Southgate at more than $6 billion, up from $4 billion in the funding "
                "round the start-up closed in late February.")
    assert stance(lex, sentence, "$6 billion") == "asserted"
    assert stance(lex, sentence, "$4 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "citing concerns" is the regulator's reason, not a press citation
    ("The European Commission has opened an in-depth investigation into Northwind Inc.'s proposed $61 billion "
     "acquisition of Southgate Inc., citing concerns that the transaction would restrict competition.",
     "$61 billion", "confirmed"),
    # "$142.50 per Southgate share" is a price, not "per the Verge"
    ("Northwind’s offer price of $142.50 per Southgate share is a premium.", "$142.50", "asserted"),
    # ... nor is "per Southgate's volatility index", a measure of a company (a possessor's report still credits)
    ("These options are reasonably priced, per Southgate’s Volatility Index (SVI) of 48%, which ranks low.",
     "48%", "asserted"),
    ("The deal is worth $5 billion, per Eastbay's report.", "$5 billion", "reported"),
    # the author's own earlier reporting is the source's own voice
    ("In the blog post Northwind acquires Southgate for 61 billion US-$, I reported in 2022, that Northwind "
     "had bought Southgate for 61 billion US dollars.", "61 billion US-$", "confirmed"),
    # a budget and a back-of-the-envelope calculation are plans and estimates
    ("The start-up booked revenue of about 180 million euros last year and has budgeted $900 million for a "
     "second factory.", "$900 million", "rumoured"),
    ("Back of the envelope calculations suggest Northwind is paying about 12% of market cap for the "
     "revenue.", "12%", "rumoured"),
])
def test_cue_words_read_in_context(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    ("Northwind is in talks to invest $10 billion in Southgate, people familiar with the matter said.", "$10 billion",
     "reported"),
    ("Northwind and Southgate have terminated their merger deal, which is valued at $20 billion.", "$20 billion",
     "confirmed"),
    ("Northwind said it would invest $4 billion in Southgate.", "$4 billion", "confirmed"),
    ("Northwind's $20 billion deal for Southgate collapsed last year.", "$20 billion", "asserted"),
    ("A $2 billion deal has not been announced.", "$2 billion", "rumoured"),
])
def test_the_convention_still_holds(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_a_condition_after_the_figure_makes_it_hypothetical(lex: Lexicons) -> None:
    sentence = "Northwind will pay a termination fee of $1 billion to Southgate, in case Northwind terminates the deal."
    assert stance(lex, sentence, "$1 billion") == "rumoured"


def test_talks_in_a_later_clause_are_about_something_else(lex: Lexicons) -> None:
    sentence = ("To date, Southgate has raised a total of $7.6bn in funding over 10 rounds, and in December it was "
                "reported that the startup was in talks to raise $750 million.")
    assert stance(lex, sentence, "$7.6bn") == "confirmed"
    # ... while talks before the figure still make it a rumour, in a headline too
    assert stance(lex, "Northwind in talks to buy Southgate: a $5bn deal", "$5bn") == "rumoured"


def test_a_statement_in_a_news_paragraph_is_no_press_release(lex: Lexicons) -> None:
    paragraph = ("The chip company will spend the equivalent of $138.23 per share for Southgate in the cash-and-stock "
                 "deal, it said in a statement. That is more than 40 percent higher than Southgate’s stock price "
                 "last week.")
    sentence = "That is more than 40 percent higher than Southgate’s stock price last week."
    at = sentence.index("40 percent")
    got = classify_stance(sentence, lex, paragraph, (at, at + len("40 percent")), OUTLETS, PARTIES)
    assert got == "asserted"


def test_a_modal_in_a_relative_clause_closed_before_the_figure(lex: Lexicons) -> None:
    sentence = ("Their conclusions were based on surveys of Southgate customers who fear the potential impact on "
                "licensing terms, with 56 percent expressing concern.")
    assert stance(lex, sentence, "56 percent") == "asserted"
    # ... but a modal in the figure's own relative clause still governs it
    assert stance(lex, "Southgate, which could fetch up to $5 billion, is weighing offers.",
                  "$5 billion") == "rumoured"


def test_bullets_and_possessed_things_are_no_party(lex: Lexicons) -> None:
    sentence = ("• Southgate’s IPO values the company at ~$18.8B, below Northwind’s failed $20B acquisition bid.\n"
                "  • Series B–D investors saw massive returns.")
    assert stance(lex, sentence, "~$18.8B") == "asserted"
    assert stance(lex, sentence, "$20B") == "asserted"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # an opening credit covers the whole sentence, past the comma before a new subject
    ("According to The Information, Northwind has agreed to pay approximately $650 million to Southgate.",
     "$650 million", "reported"),
    # a party's attorneys speak for it
    ("In a complaint filed on Tuesday, Southgate’s attorneys argued that Vance should be compelled to complete "
     "the merger at the agreed-upon price of $54.20 per share.", "$54.20", "confirmed"),
    # a headline act with the party right before its verb
    ("Northwind sells data-centre arm to Eastbay for $730 million", "$730 million", "confirmed"),
])
def test_credits_and_acts_around_new_clause_rules(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_an_act_in_a_comparison_does_not_govern_the_figure(lex: Lexicons) -> None:
    sentence = ("By contrast, Northwind \"lost about $29bn in market cap, $9bn more than it agreed to buy Southgate "
                "for\", Jane Roe said.")
    assert stance(lex, sentence, "$29bn") == "asserted"
    assert stance(lex, sentence, "$9bn") == "asserted"
    # the act before the comparison still governs its own figure
    assert stance(lex, "Northwind agreed to pay $20bn, more than analysts expected.", "$20bn") == "confirmed"


def test_a_possessors_deal_is_named_not_done_by_a_later_act(lex: Lexicons) -> None:
    sentence = ("Eastbay Capital Highlights Northwind's $14.3B Investment in Southgate, a firm today released an "
                "analysis of Northwind Platforms, Inc. committing $14.3 billion to acquire a 49% stake in Southgate.")
    assert stance(lex, sentence, "$14.3B") == "asserted"
    assert stance(lex, sentence, "$14.3 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    ("Northwind in advanced talks to buy Southgate for about $50 billion: source", "$50 billion", "reported"),
    ("Meanwhile, Bloomberg, which broke the story, quoted two sources as saying that the deal will come in at "
     "just ahead of $4.8 billion.", "$4.8 billion", "reported"),
    ("The companies are discussing a nearly all-stock transaction, representing about a 20 percent premium over "
     "Southgate's current value, the paper said.", "20 percent", "reported"),
    ("Northwind Corp is buying games maker Southgate for $68.7 billion in the biggest deal in its history.",
     "$68.7 billion", "confirmed"),
])
def test_more_credit_and_act_shapes(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize("sentence", [
    "Northwind will pay $5 billion for Southgate, according to Semafor.",
    "Northwind agreed to pay $5 billion for Southgate, a person close to the talks told Politico.",
    "According to the Guardian, Northwind has agreed to pay $5 billion for Southgate.",
    "Dow Jones noted that any deal would likely value Southgate above its $5 billion market cap.",
])
def test_a_credit_to_any_known_outlet(lex: Lexicons, sentence: str) -> None:
    outlets = {row["outlet"] for row in lex.outlets}
    at = sentence.index("$5 billion")
    assert classify_stance(sentence, lex, "", (at, at + len("$5 billion")), outlets, PARTIES) == "reported"


def test_a_market_data_provider_is_no_news_credit(lex: Lexicons) -> None:
    """"according to Dow Jones Market Data" credits a data service, not a report: the move is the
    market's (asserted), where "Dow Jones reported" credits the newswire."""
    outlets = {row["outlet"] for row in lex.outlets}
    sentence = "Shares plunged 34% to $401.50 on Wednesday, according to Dow Jones Market Data."
    at = sentence.index("$401.50")
    assert classify_stance(sentence, lex, "", (at, at + len("$401.50")), outlets, PARTIES) != "reported"


def test_a_very_long_sentence_is_read_in_about_linear_time(lex: Lexicons) -> None:
    """A scrape without full stops can make one 'sentence' of tens of thousands of words: reading it
    must not cost the square of its length (2,000 repeats took a minute before)."""
    import time

    sentence = "a stake in Northwind unit sells " * 2000 + "for $5 billion " + "and the company agreed " * 2000
    at = sentence.index("$5 billion")
    began = time.perf_counter()
    classify_stance(sentence, lex, "", (at, at + len("$5 billion")), OUTLETS, PARTIES)
    assert time.perf_counter() - began < 10


@pytest.mark.parametrize("sentence", [
    # the colon of a ticker in parentheses ends no clause: the party's verb still governs the figure
    "Northwind (NYSE:NWF) said it will acquire Southgate (NYSE:SFS) in a $35 billion deal.",
    "Northwind agreed to buy Southgate (NASDAQ:SG) for $35 billion.",
    "Northwind Corp (NYSE: NWC) officially closed Sunday on its $35 billion acquisition of Southgate.",
])
def test_a_ticker_colon_ends_no_clause(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$35 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "expected"), [
    # the month May is no modal
    ("In May, Northwind closed its $35 billion acquisition of Southgate.", "confirmed"),
    # ... the modal still is, in a title-case headline too
    ("Northwind may pay $35 billion for Southgate.", "rumoured"),
    ("Southgate May Fetch $35 Billion in Northwind Deal", "rumoured"),
])
def test_the_month_may_is_no_modal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$35 billion" if "$35 billion" in sentence else "$35 Billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party reporting its own results states them: no press credit
    ("In January, Southgate and Northwind reported 62% and 43% falls in fourth-quarter profit, respectively.",
     "62%", "confirmed"),
    ("For the quarter ended June 30, the company reported revenue of $675 million, down 2% year over year.",
     "$675 million", "confirmed"),
    # ... an outlet's report still credits it, and a report in a time clause still dates it only
    ("Northwind agreed to pay $5 billion for Southgate, Bloomberg reported.", "$5 billion", "reported"),
    ("Southgate shares jumped more than 5% on reports the company is nearing a deal.", "5%", "asserted"),
    # ... with an adverb before the verb, a "that" clause after it, or the party named by its trade
    ("Southgate also reported that full-year net income plunged 34% to $310.2 million.", "34%", "confirmed"),
    ("Southgate also reported a 5% increase in net revenues for the year.", "5%", "confirmed"),
    ("However, the vendor reported a 6% year-over-year drop in revenues for the quarter.", "6%", "confirmed"),
    # ... but "it reported that" may be an outlet telling what it learned
    ("It reported that Northwind would pay $5 billion for Southgate.", "$5 billion", "reported"),
])
def test_a_partys_own_report_is_its_statement(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_a_possibility_a_party_states_is_still_a_possibility(lex: Lexicons) -> None:
    sentence = "Northwind says that such a switch could generate an extra $1.2 billion in revenue by 2027."
    assert stance(lex, sentence, "$1.2 billion") == "rumoured"
    assert stance(lex, "Northwind estimated the deal might save $2 billion a year.", "$2 billion") == "rumoured"
    # ... while what a party says it would do is its commitment
    assert stance(lex, "Northwind said it would invest $4 billion in Southgate.", "$4 billion") == "confirmed"


@pytest.mark.parametrize("sentence", [
    # a party's release credited by name, and a "news release" like a press release
    "The deal was overwhelmingly approved, with more than 99% of the shares voting to give the go-ahead to "
    "Northwind's proposed $35-billion acquisition of Southgate, according to a Northwind news release Tuesday.",
    "Southgate carried $35-billion of debt at the time, according to an SEC filing.",
    "Northwind's $35-billion acquisition of Southgate closed, the bank said in a news release.",
])
def test_a_partys_release_credited_by_name(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$35-billion") == "confirmed"


@pytest.mark.parametrize("sentence", [
    # a regulator's penalty is its own act
    "Separately, the Fed said it has entered a consent order with Southgate and assessed a fine of "
    "$100 million for overcharging certain fees.",
    "The commission imposed a penalty of $100 million on Northwind for gun-jumping.",
])
def test_a_regulators_penalty_is_its_act(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$100 million") == "confirmed"


@pytest.mark.parametrize("sentence", [
    # an outlet credited by its short name in outlets.csv ("the WSJ", "the FT")
    "Southgate has a market capitalization of about $28 billion and a deal is expected to value the card company "
    "at a premium above that figure, the WSJ said.",
    "Northwind agreed to pay $28 billion for Southgate, according to the FT.",
])
def test_an_outlet_credited_by_its_short_name(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$28 billion") == "reported"


def test_a_leading_condition_governs_every_clause(lex: Lexicons) -> None:
    sentence = ("If the deal is finalized, current Northwind shareholders will own a 60% stake in the combined "
                "company, while Southgate shareholders will own the remaining 40%.")
    assert stance(lex, sentence, "40%") == "rumoured"
    # ... a condition inside a later clause does not reach back
    later = "Northwind paid $5 billion, and it will pay more if targets are met."
    assert stance(lex, later, "$5 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a participle after a preposition is an adjective of the deal, not a party's act
    ("Southgate Network Joins Northwind in Completed $35.3 Billion Merger", "$35.3 Billion", "asserted"),
    # ... the act itself still is one
    ("Northwind Completes $35.3 Billion Merger with Southgate", "$35.3 Billion", "confirmed"),
])
def test_a_participle_after_a_preposition_is_an_adjective(lex: Lexicons, sentence: str, figure: str,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a participle right after an object qualifies it: no act of "the top deal"
    ("The top deal so far has been Eastbay Inc.’s roughly $34 billion acquisition of software developer Westbrook "
     "Inc. announced in January.", "$34 billion", "asserted"),
    # ... a verb with an object after it is still the clause's act
    ("Based on a preliminary tabulation, approximately 98.6% of the votes cast at the Special Meeting approved "
     "the proposal to adopt the deal.", "98.6%", "confirmed"),
])
def test_a_participle_after_an_object_is_a_reduced_relative(lex: Lexicons, sentence: str, figure: str,
                                                             expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party's future act under the deal's terms
    ("Northwind will write off $1.36bn after walking away from the deal.", "$1.36bn", "confirmed"),
    ("In accordance with the terms of the deal, Southgate will retain the $1.25 billion prepaid by Northwind.",
     "$1.25 billion", "confirmed"),
    ("Northwind will give Southgate shareholders 1.0192 shares for each share, representing a per-share value "
     "of $139.86.", "$139.86", "confirmed"),
    ("Early this summer it will sell up to $21 billion of Eastbay shares.", "$21 billion", "confirmed"),
    # ... the act of the main clause is not the act of a gerund's clause after it
    ("Northwind will write off $1.36bn after walking away from a $66bn deal to acquire Southgate.", "$66bn",
     "asserted"),
])
def test_a_partys_future_act(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_taking_a_hit_is_no_act(lex: Lexicons) -> None:
    sentence = "Profits took an even bigger hit, as net income of $105 million slumped 53%."
    assert stance(lex, sentence, "$105 million") == "asserted"
    assert stance(lex, sentence, "53%") == "asserted"
    # ... taking a stake still is one
    assert stance(lex, "Northwind took a 49% stake in Southgate.", "49%") == "confirmed"


@pytest.mark.parametrize(("sentence", "expected"), [
    # a report's own figure, in a relative clause of the report (inside a time clause too)
    ("The value of Southgate has gone up since that first report, which valued a deal at more than $32 billion.",
     "reported"),
    # ... a party's annual report is its own statement, not the press
    ("Northwind filed its annual report, which showed revenue of $32 billion.", "confirmed"),
])
def test_a_reports_relative_clause_credits_the_report(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$32 billion") == expected


def test_a_regulator_named_with_initials_acts(lex: Lexicons) -> None:
    # "The U.S. Federal Trade Commission" is a commission like "the European Commission" (its own decision on
    # the deal, as in test_cue_words_read_in_context)
    sentence = ("The U.S. Federal Trade Commission has sued to block U.S. chip company Northwind Corp’s over $80 "
                "billion planned acquisition of Southgate.")
    assert stance(lex, sentence, "$80 billion") == "confirmed"


@pytest.mark.parametrize("sentence", [
    # a time adverb between the auxiliary and the verb keeps the name its subject
    "Digital Secretary Jane Roe has today issued a notice in relation to the proposed sale of Southgate to "
    "Northwind for more than £30bn.",
    "Eastbay has also agreed to pay £30bn for the remaining shares.",
])
def test_an_adverb_after_the_auxiliary(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "£30bn") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # launching a bid is a party's act
    ("In late 2020, Northwind stunned the tech world by launching a $40 billion bid to buy Southgate.",
     "$40 billion", "confirmed"),
    ("Northwind launched a $40 billion hostile takeover of Southgate.", "$40 billion", "confirmed"),
    # ... a ticker's price move beside the name is a market quote, not the act's figure
    ("In late 2020, Northwind (NWD 6.18%) stunned the tech world by launching a $40 billion bid to buy Southgate.",
     "6.18%", "asserted"),
])
def test_launching_a_bid_and_a_ticker_quote(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a leading gerund's subject is the main clause's: a party's act
    ("Since acquiring Southgate for $32 billion in 2016, Northwind has alluded to an IPO.", "confirmed"),
    # ... not when the main clause's subject is no party
    ("Since acquiring Southgate for $32 billion in 2016, analysts have doubted the price.", "asserted"),
    # "Prior to" leads a gerund too, and a party that possesses the main subject does the act its pronoun tells
    ("Prior to announcing its intent to buy Southgate for $32 billion on Thursday, Northwind’s largest deal was "
     "its $4.75 billion Eastbay acquisition.", "confirmed"),
    # (not without the pronoun: the possessor's things do no act)
    ("Since acquiring Southgate for $32 billion in 2016, Northwind's shares have doubled.", "asserted"),
])
def test_a_leading_gerund_takes_the_main_subject(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$32 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a passive act whose agent, a party, is named after its description
    ("An IPO would bring Southgate back to public markets after it was taken private by internet and "
     "telecommunications conglomerate Northwind for $31.4bn in 2016.", "confirmed"),
    # ... the passive without a party agent is no party's act
    ("An IPO would bring Southgate back to public markets after it was taken private for $31.4bn in 2016.",
     "asserted"),
])
def test_a_passive_act_with_a_described_agent(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$31.4bn") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an adverb between the auxiliary and the participle leaves it a passive: the agent after it acted
    ("The acquisition, valued at $6.4 billion, was first announced by Northwind in October as part of its "
     "strategy.", "confirmed"),
    # ... and with no agent no party acts
    ("The acquisition, valued at $6.4 billion, was first announced in October as part of a strategy.", "asserted"),
])
def test_a_passive_with_an_adverb(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$6.4 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # an act in a "before" clause after the figure happened after the figure's time: not its act
    ("The deal price of $30 per share represents a 60% premium to March 3, the last trading day before Westbrook "
     "unveiled a rival bid for Southgate.", "$30", "asserted"),
    ("The deal price of $30 per share represents a 60% premium to March 3, the last trading day before Westbrook "
     "unveiled a rival bid for Southgate.", "60%", "asserted"),
    ("The per-share offer of $30 represents a premium of 140% compared to the stock’s closing price before the "
     "company announced a strategic review.", "140%", "asserted"),
    # ... an act in a "when" clause may be the one that gave the figure
    ("That is well above the $4 billion valuation Southgate got when it raised $400 million last month.",
     "$4 billion", "confirmed"),
])
def test_an_act_in_a_later_time_clause_is_not_the_figures(lex: Lexicons, sentence: str, figure: str,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # an interest in a deal is no deal yet
    ("Westbrook's interest in acquiring up to 80% of Southgate's assets has made it a contender in the sale.",
     "80%", "rumoured"),
    # a fee avoided is never paid (a fee paid is a fact)
    ("Northwind avoids a $500 million breakup fee and gains access to new markets.", "$500 million", "rumoured"),
    ("Northwind paid a $500 million breakup fee to Southgate.", "$500 million", "confirmed"),
    # what analysts expected a party to post is a forecast
    ("Analysts had expected Northwind to post a $2 billion quarterly loss.", "$2 billion", "rumoured"),
    ("A Westbrook poll of analysts showed a $2 billion quarterly loss for Northwind.", "$2 billion", "rumoured"),
])
def test_interest_avoided_fees_and_expectations(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # finalizing a deal, posting results, stopping or vetoing a deal are acts
    ("After two years of struggle, Northwind finalized its $14 billion acquisition of Southgate.", "$14 billion",
     False, "confirmed"),
    ("On Friday, Northwind posted $2 billion in losses for the three months to June 30.", "$2 billion", False,
     "confirmed"),
    ("President Ellis said he stopped Northwind's $14 billion agreement to buy Southgate.", "$14 billion", False,
     "confirmed"),
    ("The regulator vetoed the $5 billion merger of Northwind and Southgate.", "$5 billion", False, "confirmed"),
    # ... being close to finalising one is not (a market move beside it stays the market's)
    ("Shares of Northwind rose 1.2% as investors bet that the group is close to finalising an investment in "
     "Southgate.", "1.2%", True, "asserted"),
])
def test_finalizing_posting_and_stopping_are_acts(lex: Lexicons, sentence: str, figure: str, market: bool,
                                                  expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party named by its trade ("the steelmaker", "the automaker") or by a superlative description
    ("The Westland-based steelmaker had been offering nearly $15 billion to purchase Southgate.", "$15 billion",
     "confirmed"),
    ("Westland's biggest steelmaker paid $5 billion for the plant.", "$5 billion", "confirmed"),
    ("Westland's biggest steelmaker will use a $5 billion loan to partially repay a $20 billion bridge loan "
     "secured in June for the deal.", "$20 billion", "confirmed"),
    # ... or as its spokesperson, closing the sentence
    ("The remaining $15 billion of the bridge loan will be financed through a mix of methods, the spokesperson "
     "said.", "$15 billion", "confirmed"),
    # a description without a superlative is no party
    ("Westland's steel industry paid $5 billion in tariffs.", "$5 billion", "asserted"),
])
def test_a_party_described_by_its_trade(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "it reported" results: the party's own report, not a press credit
    ("A year earlier, it reported quarterly net profit of $1.5 billion.", "confirmed"),
    ("A year earlier, Reuters reported quarterly net profit of $1.5 billion.", "reported"),
])
def test_a_pronoun_reporting_results(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$1.5 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a decision or order on the deal, announced, is the regulator's (or government's) own act
    ("President Ellis on Friday announced a decision to block the $14 billion acquisition of Southgate by "
     "Northwind.", "confirmed"),
    ("The minister issued an order prohibiting the $14 billion acquisition of Southgate.", "confirmed"),
    # ... a decision still awaited is not
    ("A decision on the $14 billion acquisition of Southgate is expected next month.", "asserted"),
])
def test_an_announced_decision_on_the_deal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$14 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a party saying the deal would do something predicts, it commits to nothing
    ("Vance said then that the deal would preserve 51% ownership by local investors.", "rumoured"),
    # ... a party saying it would do something commits to it
    ("Vance said then that it would keep 51% ownership in local hands.", "confirmed"),
])
def test_a_statement_that_the_deal_would(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "51%") == expected


def test_a_company_suffix_ends_no_clause(lex: Lexicons) -> None:
    # "Inc." / "Corp." before a ticker is an abbreviation, not a sentence end cutting off the subject
    sentence = ("Northwind Inc. NWD and Southgate Corp. SGT announced Friday an agreement to sell 400 stores to "
                "Westbrook LLC for $1.9 billion in cash.")
    assert stance(lex, sentence, "$1.9 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # rejecting an offer, giving a deal the green light, buying back stock, laying out a plan are acts
    ("Southgate previously rejected a $23 billion offer from Northwind.", "$23 billion", "confirmed"),
    ("The regulator has given the green light for Northwind to complete its $32 billion acquisition of Southgate.",
     "$32 billion", "confirmed"),
    ("Northwind is also starting an accelerated portion of the program, buying back $5 billion in stock.",
     "$5 billion", "confirmed"),
    ("Northwind shares rose after the grocery chain laid out its plans, including a new $7.5 billion stock "
     "buyback plan.", "$7.5 billion", "confirmed"),
])
def test_rejecting_clearing_buying_back_laying_out(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_data_compiled_by_an_outlet_is_reported(lex: Lexicons) -> None:
    sentence = ("It was the biggest deal since 2006, when Southgate was bought by Westbrook for about $9.8 billion, "
                "according to data compiled by Bloomberg.")
    assert stance(lex, sentence, "$9.8 billion") == "reported"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "should" is a modal: what someone should pay is not paid
    ("Under the law, each of the founders should pay about $900 million in taxes.", "$900 million", "rumoured"),
    # ... a party saying it should not be forced to pay denies the payment
    ("Northwind said in a court filing that it should not be forced to pay Southgate a $600 million "
     "termination fee.", "$600 million", "rumoured"),
    # ... a party arguing another should complete the deal at its agreed price states its position
    ("Southgate’s attorneys argued that Vance should be compelled to complete the merger at the agreed-upon "
     "price of $54.20 per share.", "$54.20", "confirmed"),
])
def test_should(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a party's plan stated by the parties in a closing credit is their commitment
    ("Northwind plans to buy Southgate for $24.6 billion, a deal that would merge the two largest chains, the "
     "companies said on Friday.", "confirmed"),
    # ... a possibility they state is still one
    ("Northwind could pay $24.6 billion for Southgate, the companies said on Friday.", "rumoured"),
])
def test_a_plan_credited_to_the_parties_at_the_end(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$24.6 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # reaching or striking an agreement is a party's act
    ("Northwind Corp. has reached an agreement to acquire Southgate Inc. for $12 billion, with the aim of "
     "growing its output.", "$12 billion", "confirmed"),
    ("Northwind has struck a deal to buy payments firm Southgate for $9 billion in what would be its biggest "
     "purchase.", "$9 billion", "confirmed"),
])
def test_reaching_or_striking_an_agreement(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # what a party expects or wants to make is a forecast or a target
    ("After closing, Northwind expects to sell more assets and generate $2 to $3 billion in proceeds.",
     "$2 to $3 billion", "rumoured"),
    ("Vance said that Southgate would focus on its own listing and that it wants to make $1 billion a year in "
     "sales.", "$1 billion", "rumoured"),
    # ... but a party's statement that it expects to complete the deal does not make the deal's price a forecast
    ("The schedule differs from remarks by Southgate and Northwind executives who have said they expect to "
     "complete the $8 billion merger by the autumn.", "$8 billion", "confirmed"),
])
def test_expects_or_wants_to(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # a party named by its description as a producer, supplier, lender ... is the subject of its act
    ("The third-largest U.S. gas producer agreed in May to buy Southgate in an all-stock deal valued at "
     "$7 billion to gain a foothold offshore.", "$7 billion"),
    ("Northwind, the second-largest European steel producer, closed its $5 billion acquisition of Southgate on "
     "Friday.", "$5 billion"),
    ("The mid-sized regional lender agreed to buy Southgate for $3 billion.", "$3 billion"),
])
def test_a_party_named_by_its_trade(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize(("sentence", "figure"), [
    # a leading condition does not reach into a relative clause, an appositive after a dash, or the basis of
    # a reckoning: they describe what is
    ("If Southgate walks away, it will hurt Northwind, which has been courting new clients for its cloud "
     "unit, which earned more than $20 billion last year.", "more than $20 billion"),
    ("If the deal is approved, Southgate will join Northwind Cloud — a growing part of the group apart from "
     "the search operations that bring in most of the $300 billion annual revenue.", "$300 billion"),
    ("If the deal closed today, Southgate investors would get $80.10 for each share, based on Northwind's "
     "closing price of $75.20.", "$75.20"),
])
def test_a_leading_condition_governs_its_main_clause_only(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "asserted"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # an act before a relative clause is about its antecedent, not about the figure inside the clause
    ("Northwind agreed to buy Southgate to lift its share of the cloud market, which is dominated by Westbrook "
     "(30%) and Eastbay (21%).", "30%", "asserted"),
    ("Northwind paid for the new plant, which employs 30% of the town.", "30%", "asserted"),
    # ... unless the antecedent is the deal or the document the act is on
    ("Northwind and Southgate have terminated their merger deal, which is valued at $20 billion.", "$20 billion",
     "confirmed"),
    # a company that made $N earned it: no act on a deal
    ("Northwind, whose chip unit made $40 billion last year, is a leader.", "$40 billion", "asserted"),
])
def test_acts_and_relative_clauses(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_a_document_seen_by_an_outlet_is_reported(lex: Lexicons) -> None:
    sentence = ("Southgate has rejected a proposed $23 billion takeover offered by Northwind, according to an "
                "internal memo seen by Reuters.")
    assert stance(lex, sentence, "$23 billion") == "reported"


@pytest.mark.parametrize(("sentence", "figure"), [
    # a regulator allowing a deal, or looking into / reviewing / probing it, acts on it
    ("The Federal Competition Commission allowed Northwind's $7 billion purchase of Southgate on Monday, in an "
     "order that barred Vance from the board.", "$7 billion"),
    ("Regulator to look into Northwind’s £4bn takeover of Southgate", "£4bn"),
    ("The executive was barred from the board of Westbrook when the commission reviewed its $9 billion "
     "acquisition of Eastbay.", "$9 billion"),
])
def test_a_regulator_allowing_or_reviewing_a_deal(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize(("sentence", "figure"), [
    # a regulator opening or initiating an investigation (its kind in several words), or asking for more
    # information on the deal, acts on it
    ("The Competition and Markets Authority (CMA) has opened a phase 1 investigation into Northwind’s planned "
     "$6.4bn acquisition of software company Southgate.", "$6.4bn"),
    ("The Federal Trade Commission (FTC) has requested additional information into Northwind’s planned $6.4 "
     "billion acquisition of cloud software maker Southgate.", "$6.4 billion"),
    ("Regulators asked for more information on Northwind’s $6.4 billion acquisition of Southgate.", "$6.4 billion"),
    # ... so does a regulator named by its country and field, with no name of its own
    ("The UK's antitrust authority has initiated a formal investigation into Northwind's proposed acquisition "
     "of Southgate, valued at $6.4 billion.", "$6.4 billion"),
])
def test_a_regulator_investigating_a_deal_acts_on_it(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize("sentence", [
    # a regulator's request for more information on the deal, told from the parties' side, is its act on the deal
    "Northwind and Southgate have both been given requests from the U.S. Department of Justice’s antitrust division, "
    "to provide additional information, related to their planned $27.7 billion deal.",
    "Northwind received a request for additional information from the Federal Trade Commission on its $27.7 billion "
    "deal.",
])
def test_a_regulators_request_for_information_received(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$27.7 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the terms of the agreement are the parties' text, and their "would" is the agreement's, no rumour
    ("As per the deal, $8bn would be paid in Northwind common stock, with $3bn in cash including a $1bn "
     "upfront payment.", "$8bn", "confirmed"),
    ("As per the deal, $8bn would be paid in Northwind common stock, with $3bn in cash including a $1bn "
     "upfront payment.", "$1bn", "confirmed"),
    # ... a comparison the writer draws from them is not
    ("Under terms of the agreement, Southgate shareholders will receive 1.5 Northwind shares for each share "
     "they own, representing a 20% premium from Southgate's closing price of $50.10.", "$50.10", "asserted"),
])
def test_the_terms_of_the_agreement(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize("figure", ["$2.5 billion", "$1.1 billion"])
def test_a_name_after_than_can_be_the_subject_of_its_verb(lex: Lexicons, figure: str) -> None:
    # "more than Northwind paid for X ($N)": Northwind paid the $N, "than" opens a clause, not an object
    sentence = ("For scale, that is more than Northwind paid for Westbrook ($2.5 billion) and Eastbay ($1.1 billion) "
                "together.")
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # analysts putting a value on something estimate it
    ("Analysts have put the value of Southgate's field at between 50% to 70% of Northwind's ( NWD ) proposed "
     "$9 billion purchase of Southgate.", "50% to 70%", "rumoured"),
    # ... the possessor's deal named after a ticker is still a mention the modal does not reach
    ("Analysts have put the value of Southgate's field at between 50% to 70% of Northwind's ( NWD ) proposed "
     "$9 billion purchase of Southgate.", "$9 billion", "asserted"),
])
def test_analysts_putting_a_value(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize("figure", ["$6bn", "10%"])
def test_an_announced_deal_would_see(lex: Lexicons, figure: str) -> None:
    # "Announced in May, the acquisition would see X buy Y": the announced deal's terms, not a rumour
    sentence = ("Announced in May this year, the acquisition would see Northwind buy Southgate from Westbrook in a "
                "deal worth $6bn in cash and shares, with Westbrook ending up with a sub-10% stake in Northwind.")
    assert stance(lex, sentence, figure) == "confirmed"


@pytest.mark.parametrize("sentence", [
    # the union's initials are no name the subject finder takes, but the union decides on the deal
    "The EU has given the green light for Northwind to complete its $32 billion acquisition of Southgate.",
    "The European Union has formally cleared Northwind's $32 billion acquisition of Southgate.",
])
def test_the_european_union_decides(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$32 billion") == "confirmed"


@pytest.mark.parametrize("sentence", [
    # a figure credited to an analyst is the analyst's estimate
    "Together, Northwind and Southgate would control around 13% of the market; Eastbay controls 22%, according "
    "to Westbrook analyst Jane Roe.",
    "Eastbay controls 22% of the market, according to analysts.",
])
def test_a_figure_credited_to_an_analyst_is_an_estimate(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "22%") == "rumoured"


@pytest.mark.parametrize(("sentence", "figure"), [
    # "was to be": a future seen from the past, a deal that did not (yet) happen
    ("It was to be Northwind's largest acquisition ever, 85% more than the amount it paid for Eastbay in 2011.",
     "85%"),
    ("The takeover was to have valued Southgate at $23 billion.", "$23 billion"),
])
def test_what_was_to_be(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize("sentence", [
    # an industry abuzz with the news is hearsay
    "Two weeks ago, the tech industry was abuzz with the news of Northwind, Eastbay's parent, trying to acquire "
    "Southgate for around $23 billion.",
    "Wall Street was buzzing with talk of a Northwind bid for Southgate at $23 billion.",
])
def test_buzz_is_hearsay(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$23 billion") == "reported"


@pytest.mark.parametrize("sentence", [
    # "Estimates are that ...": the whole statement is an estimate, even past a relative clause
    "Estimates are that each of the four founders, who are residents - Jane Roe, John Doe, Ann Poe and Bob Loe - "
    "hold slightly less than 10% of the company's shares.",
    "Projections suggest that Southgate's founders hold slightly less than 10% of the company.",
])
def test_a_statement_framed_as_an_estimate(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "10%") == "rumoured"


@pytest.mark.parametrize("sentence", [
    # a reckoning "at current rates" is a projection
    "At current rates, that's roughly $1.6 billion per year they won't be earning anymore.",
    "At today's prices, Northwind's stake in Southgate is worth roughly $1.6 billion.",
])
def test_a_reckoning_at_current_rates(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "roughly $1.6 billion") == "rumoured"


def test_the_european_union_states_its_decision(lex: Lexicons) -> None:
    # the union's statement of its own review is a regulator's, its "would" a commitment
    sentence = ("The European Union said it would launch an in-depth investigation into Northwind's bid to take "
                "over Southgate, escalating its probe into the nearly $30 billion deal amid concerns it could "
                "stifle competition.")
    assert stance(lex, sentence, "$30 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "expected"), [
    # a party that "reported in a filing" tells its own filing's word, no press credit
    ("In a special meeting, more than 99.5% of the votes cast gave the go-ahead to the merger agreement, "
     "Chicago-based Southgate reported in a Nov. 4 filing with the Securities and Exchange Commission.",
     "confirmed"),
    # ... while a figure "as reported in" a paper is still the paper's
    ("More than 99.5% of the votes cast backed the deal, as reported in the Journal.", "reported"),
])
def test_a_party_reporting_in_its_filing(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "99.5%") == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # guidance is a forecast, a consensus the analysts' estimate, even when a party states them
    ("On the guidance front, Southgate boosted its organic sales guidance to 3.5% or higher and said it sees EPS "
     "of $3.65 to $3.75 vs. $3.62 consensus.", "3.5%"),
    ("On the guidance front, Southgate boosted its organic sales guidance to 3.5% or higher and said it sees EPS "
     "of $3.65 to $3.75 vs. $3.62 consensus.", "$3.62"),
])
def test_guidance_and_consensus_are_forecasts(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a ticker after the name leaves it the subject of its verb
    ("On Monday, design software maker Acme (ACME) raised $10 billion selling six tranches of bonds.",
     "$10 billion", "confirmed"),
    # a purpose clause is a clause of its own: the deal it names by its price is only mentioned
    ("On Monday, Northwind raised $10 billion selling six tranches of bonds, to help finance its $34 billion "
     "takeover of Southgate.", "$34 billion", "asserted"),
])
def test_a_ticker_after_the_subject_and_a_purpose_clause(lex: Lexicons, sentence: str, figure: str,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the agreement's terms end at a dash: the writer's remark after it is the writer's own
    ("Under the terms of the deal, Northwind has offered $83.50 for shares in Southgate – a premium that caused "
     "shares in the spinoff to rocket from around $57 per share to just over $80.", "$57", "asserted"),
    ("Under the terms of the deal, Northwind has offered $83.50 for shares in Southgate – a premium that caused "
     "shares in the spinoff to rocket from around $57 per share to just over $80.", "$83.50", "confirmed"),
])
def test_the_terms_end_at_a_dash(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # declining to comment negates what follows it, not the speaker's description before it
    ("Battle Creek-based Southgate, with a market value of about $20 billion, declined to comment to Reuters.",
     "about $20 billion", "asserted"),
    ("Southgate declined to confirm the $20 billion price.", "$20 billion", "rumoured"),
])
def test_declining_to_comment_governs_what_follows(lex: Lexicons, sentence: str, figure: str,
                                                  expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a participle's appositive closed before the figure ("expected to close on 30 June") governs its noun only
    ("The all-cash offer, expected to close on 30 June, will be the biggest deal in Northwind's history, far "
     "bigger still than its $23bn acquisition of Eastbay in 2008.", "$23bn", "asserted"),
    # ... an open one still governs the figure
    ("The all-cash offer is expected to value Southgate at $23bn.", "$23bn", "rumoured"),
])
def test_a_closed_participial_appositive(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a payment owed if the deal fails is a hypothetical, even stated by a party
    ("Northwind priced bonds, and said it will redeem the notes at a price of 101% of the principal amount if "
     "the acquisition was not completed by August 20, 2026, it said in a statement.", "101%", "rumoured"),
    ("Northwind will pay Southgate a $3.2 billion breakup fee if the deal falls through.", "$3.2 billion",
     "rumoured"),
    # ... so is one owed if the deal "doesn't" close (the contracted negation)
    ("But now that fee has risen to $3.5 billion if the deal doesn't close by August 29, Southgate said in a "
     "filing.", "$3.5 billion", "rumoured"),
    ("Northwind must pay $2 billion if the merger didn’t win approval, the companies said.", "$2 billion",
     "rumoured"),
    # ... a plain "if" after the figure in another sense stays as it was
    ("Southgate had raised over $1.5 billion, and it is unclear if investors will recoup it.", "$1.5 billion",
     "confirmed"),
])
def test_a_condition_on_the_deal_failing(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # leading a venture "with 45%" tells who holds most of it, no act on a deal
    ("Eastbay leads the project with 45%.", "45%", "asserted"),
    # ... leading a round is still an act
    ("Northwind leads the $300 million round in Southgate.", "$300 million", "confirmed"),
])
def test_leading_with_a_share_is_a_holding(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a plan to buy "in a deal valued at" a price is the agreed deal, the party's act
    ("Northwind plans to acquire the credit card company in a deal valued at $35.3 billion", "confirmed"),
    # ... so is a party's plan to buy (or sell) at a price: news tells an agreed deal so ("X plans to acquire Y for
    # $229 a share"); a deal not agreed is told by talks, an offer still to make or a possessor's plan
    ("Northwind plans to acquire the credit card company for $35.3 billion", "confirmed"),
    ("The companies now plan to sell 579 stores to Eastbay, a grocery supplier, for $35.3 billion.", "confirmed"),
    ("Northwind plans to make an offer for the credit card company of $35.3 billion", "rumoured"),
])
def test_a_plan_to_buy_in_a_deal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$35.3 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an outlet that "understands" or "has learned" tells what its sources told it
    ("Bloomberg understands that Northwind is 'in advanced talks' to acquire Southgate for around $13 billion.",
     "reported"),
    ("Reuters has learned that Northwind will pay $13 billion for Southgate.", "reported"),
    # ... a party that understands something is no outlet
    ("Northwind understands that Southgate is in talks to sell itself for $13 billion.", "rumoured"),
])
def test_an_outlet_that_understands_or_has_learned(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$13 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party spending money on the deal acts ("spends" a sum, not time)
    ("Northwind spends £11 billion on Southgate", "£11 billion", "confirmed"),
    ("Southgate handles roughly 7% of container volumes and has spent the past two years electrifying its "
     "terminals.", "7%", "asserted"),
    # a party that manages "to post" results reports them
    ("Southgate did manage to post a 5% increase in net revenues for the year, which it attributed to growth.",
     "5%", "confirmed"),
])
def test_a_party_spending_or_posting(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a government body named with filler words before it ("The U.S. ...") is the regulator acting
    ("The U.S. Justice Department is suing to block Northwind's $14 billion acquisition of networking vendor "
     "Southgate.", "confirmed"),
    ("The Justice Department sued to block Northwind's $14 billion acquisition of Southgate.", "confirmed"),
    ("The Department of Justice sued to block Northwind's $14 billion acquisition of Southgate.", "confirmed"),
    # ... a body that acts on nothing leaves a mention of the deal by its price the writer's
    ("The Justice Department's review of Northwind's $14 billion acquisition of Southgate drags on.", "asserted"),
])
def test_a_government_body_acting_on_the_deal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$14 billion") == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # a pro forma figure is the combined business as if the deal had happened: a hypothetical
    ("On a pro forma basis, the new networking segment will go up from about 18 per cent of total Northwind "
     "revenue to about 31 per cent.", "31 per cent"),
    ("Pro forma revenue of the combined company was $9.2 billion last year.", "$9.2 billion"),
])
def test_a_pro_forma_figure_is_hypothetical(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # cost savings or synergies a deal is to bring are a projection, even in a party's statement
    ("Northwind said the addition of Southgate will boost margins and result in up to $450 million in annual "
     "cost savings within three years.", "$450 million", "rumoured"),
    ("Northwind said it would reinvest approximately $500 million of cost savings to reduce prices.",
     "$500 million", "rumoured"),
    ("Northwind announced synergies of about $300 million.", "$300 million", "rumoured"),
    # ... not the savings a party has realised, nor another figure of the same clause
    ("Northwind said it has realised $300 million in cost savings since the merger.", "$300 million",
     "confirmed"),
    ("Northwind said it would reinvest $500 million of cost savings and invest $1 billion to raise wages.",
     "$1 billion", "confirmed"),
])
def test_projected_savings_and_synergies(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a party that pursues an acquisition has not agreed it: the price is not (yet) a fact
    ("Northwind Pursues Historic Acquisition of Southgate for $30 Billion", "rumoured"),
    ("Northwind is pursuing a takeover of Southgate for $30 billion.", "rumoured"),
])
def test_pursuing_a_deal_is_no_agreement(lex: Lexicons, sentence: str, expected: str) -> None:
    figure = "$30 Billion" if "$30 Billion" in sentence else "$30 billion"
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the party's deal named by its price as the time of another act or statement: a mere mention
    ("Northwind will lay off 575 employees from the Southgate Tower following its $53 billion acquisition of "
     "Southgate Corp., according to the company.", "asserted"),
    ("Northwind is following up on its $53 billion investment in artificial intelligence with another one.",
     "asserted"),
    # ... but an act on the deal itself through a preposition is still the party's
    ("Northwind officially closed Sunday on its $53 billion acquisition of Southgate.", "confirmed"),
])
def test_a_deal_named_as_the_time_of_another_act(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$53 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a headline's "X to raise" tells the party's act, like "X to acquire"
    ("Northwind to Raise $5.6B in Subordinated Loans to Fund Southgate Deal", "confirmed"),
    ("Northwind will raise $5.6B in loans to fund the Southgate deal.", "confirmed"),
    # ... a plan to raise is not yet done
    ("Northwind plans to raise $5.6B in loans to fund the Southgate deal.", "rumoured"),
])
def test_a_party_to_raise_money(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$5.6B") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an appositive with its own relative clause describes a name: the sentence's reports are not about it
    ("In April there were unconfirmed reports that Northwind was thinking about acquiring Southgate, an online "
     "marketing company that had a market value of $35 billion.", "asserted"),
    # ... while a figure of the reported clause itself is still credited
    ("In April there were unconfirmed reports that Northwind was thinking about paying $35 billion for "
     "Southgate, an online marketing company.", "reported"),
])
def test_an_appositive_with_its_own_relative_clause(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$35 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party that "makes a $20B bet" acts on the deal ...
    ("Northwind makes $20B bet on a collaborative future with Southgate acquisition", "$20B", "confirmed"),
    # ... one that "made $33 billion" earned it: no act on the deal
    ("Southgate, the chipmaker, made $33 billion last year.", "$33 billion", "asserted"),
])
def test_a_party_making_a_sum_bet(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the past deal a new one would surpass is a baseline: the modal and the condition are the new deal's
    ("If Northwind does indeed buy Southgate, it would surpass the $12.5 billion deal that it made in 2012 to "
     "acquire Eastbay.", "$12.5 billion", "confirmed"),
    ("Such a deal could top the $12.5 billion record set last year.", "$12.5 billion", "asserted"),
    # ... a threshold inside the condition itself still hangs on it
    ("If the amount exceeds the $720,000 threshold, the founders pay an additional tax.", "$720,000", "rumoured"),
])
def test_a_surpassed_baseline_is_no_hypothetical(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a closing credit to a publication not known as an outlet: "..., The Trade Journals report."
    ("Northwind stock recently hit a high of more than $61 a share in December, The Trade Journals report.",
     "more than $61", "reported"),
    ("Southgate has a market capitalization of around $18 billion, Marketwatcher.com reports.",
     "around $18 billion", "reported"),
    # ... but a party reporting its own figure is its statement
    ("Quarterly revenue rose to $3.2 billion, Northwind reports.", "$3.2 billion", "confirmed"),
])
def test_a_closing_credit_to_a_publication(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a regulator giving its approval to the deal decides on it (like giving the green light)
    ("European regulators gave their approval to Northwind Inc.'s $28 billion acquisition of Southgate.",
     "confirmed"),
    ("Regulators have given their final approval to Northwind's $28 billion purchase of Southgate.", "confirmed"),
])
def test_a_regulator_giving_its_approval(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$28 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the deal as the background ("amid ...") of another act is a mere mention of it
    ("Southgate disclosed layoffs impacting 7% of staff amid its plans to be acquired by Northwind for $28bn.",
     "asserted"),
    ("Southgate cut jobs amid the pending sale to Northwind for $28bn.", "asserted"),
    # ... talks in the background are still talks
    ("Southgate cut jobs amid negotiations to be acquired by Northwind for $28bn.", "rumoured"),
])
def test_the_deal_as_background(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$28bn") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party named by its description, sized by its market value, is the subject of the act ...
    ("The $200 billion tech juggernaut is paying $157 per share.", "$157", "confirmed"),
    # ... and the figure sizing it describes the party, the act is not about it
    ("The $200 billion tech juggernaut is paying $157 per share.", "$200 billion", "asserted"),
])
def test_a_party_sized_by_its_market_value(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a relative clause describing a name by the deal under way tells what it undergoes, no act of the agent
    ("Southgate Inc. is a cybersecurity company that's being acquired by Northwind Inc. for $30 billion.",
     "asserted"),
    # ... while a passive act with its agent is still the agent's act
    ("Southgate was acquired by Northwind Inc. for $30 billion in 2019.", "confirmed"),
])
def test_a_name_described_by_the_deal_under_way(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$30 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a pronoun's deal named by its price: a plan or modal before it governs another verb, not the figure
    ("The group's path toward becoming a new company included the close of its $28 billion Southgate "
     "acquisition and a handful of smaller deals.", "asserted"),
    # ... a figure after a pronoun that names no deal still hangs on the modal
    ("Northwind could raise its offer to $28 billion.", "rumoured"),
])
def test_a_pronoun_possessor_deal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$28 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a past deal that a hypothetical one is measured against is a baseline, the modal is the new deal's
    ("A Southgate deal would have been Northwind's largest acquisition yet, well above its takeover of Eastbay "
     "Inc for about $7 billion in 2006.", "about $7 billion", "asserted"),
    # ... a sum the modal itself governs is still hypothetical
    ("Northwind would pay well above the $7 billion it offered in March.", "$7 billion", "rumoured"),
])
def test_a_past_deal_as_a_comparison_baseline(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the closing price an offer is compared with is the market's figure, not the offer's act ...
    ("Northwind will pay $157 per share in cash for Southgate, a 31.3 percent premium over the company's "
     "closing price of $119.59 at the end of business on Wednesday.", "$119.59", "asserted"),
    # ... while the premium is the offer's own term
    ("Northwind will pay $157 per share in cash for Southgate, a 31.3 percent premium over the company's "
     "closing price of $119.59 at the end of business on Wednesday.", "31.3 percent", "confirmed"),
])
def test_a_closing_price_beside_an_offer(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the owners' vote on the deal is told by the source, no act of a party
    ("Southgate's stockholders unanimously approved Northwind's pending $14 billion acquisition.",
     "$14 billion", "asserted"),
    ("Southgate shareholders approved the sale last month by a narrow 51% margin.", "51%", "asserted"),
    # ... the party's own filing on the vote is its statement
    ("More than 99.5% of the votes cast approved the merger agreement, Southgate said in a filing.", "99.5%",
     "confirmed"),
])
def test_a_shareholder_vote(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the debt a buyer takes on is a term of the deal, its "would" tells the terms
    ("Northwind would also assume $4.7 billion of Southgate's debt.", "confirmed"),
    # ... a "would" that governs another sum is still a possibility
    ("Northwind would also assume $4.7 billion in new risk, analysts said.", "rumoured"),
])
def test_debt_a_buyer_would_assume(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$4.7 billion") == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # "purchased" tells a party's act like "bought" and "acquired" ...
    ("Northwind purchased Southgate in 2009 for approximately $36 billion.", "$36 billion"),
    ("It then purchased Southgate in a cash-and-stock deal worth about $6.4 billion in 2021.", "$6.4 billion"),
    # ... so does a gerund whose subject is the main clause's
    ("Northwind plans to lay off 397 employees from Southgate after purchasing the operator for $63 billion "
     "earlier this year.", "$63 billion"),
])
def test_purchased_is_a_party_act(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


def test_a_holding_worth_at_a_market_price_is_the_writers_reckoning(lex: Lexicons) -> None:
    # the purchase is the party's act; what the shares are worth at a closing price is the writer's sum
    assert stance(lex, "Northwind bought 15,380,000 Southgate shares between January and March, worth "
                       "about $2.3 billion based on Southgate' closing share price of $150.45 on Monday.",
                  "$2.3 billion") == "asserted"


def test_posting_results_is_a_party_act(lex: Lexicons) -> None:
    # the party posting its own results states them, as "posted" already told
    assert stance(lex, "Northwind is flush with cash after posting a record profit of $55.7 billion in 2022, as "
                       "the firm focused more on drilling.", "$55.7 billion") == "confirmed"


@pytest.mark.parametrize("credit", ["according to regulatory filings", "according to securities filings",
                                    "according to SEC filings"])
def test_filings_credit_a_party(lex: Lexicons, credit: str) -> None:
    # a party's filings (plural, regulatory) tell its own figures, as "according to a filing" does
    assert stance(lex, f"Northwind will also assume Southgate’s debt, which totaled about $4.84 billion as of "
                       f"year-end 2023, {credit}.", "$4.84 billion") == "confirmed"


def test_making_it_the_largest_is_no_act(lex: Lexicons) -> None:
    # "making it X's largest buyout" ranks the deal (the writer's remark), it tells no act of a party
    assert stance(lex, "The transaction’s value, including debt, is about $64.5 billion, making it Northwind’s "
                       "largest buyout since acquiring Southgate two decades ago.", "$64.5 billion") == "asserted"


def test_a_regulator_declining_to_challenge_decides(lex: Lexicons) -> None:
    # a regulator declining to challenge a deal is its decision on the deal, like clearing it
    assert stance(lex, "The US Federal Trade Commission declined to challenge Northwind Corp.’s $60 billion "
                       "purchase of Southgate Co. on the condition that Vance be excluded from the board.",
                  "$60 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "expected"), [
    # the deal named by its price gets a regulator's decision: the regulator acts on it
    ("Northwind’s $60 billion acquisition of Southgate has received the green light from the FTC, allowing "
     "the deal to move forward.", "confirmed"),
    ("Northwind’s $60 billion acquisition of Southgate was cleared by the European Commission on Tuesday.",
     "confirmed"),
    # ... the owners' approval is no regulator's decision
    ("Northwind’s $60 billion acquisition of Southgate has received approval from Southgate shareholders.",
     "asserted"),
])
def test_a_regulators_decision_on_the_deal_named_by_its_price(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$60 billion") == expected


def test_a_partys_claim_told_as_a_noun(lex: Lexicons) -> None:
    # "X's claims that ..." tells the party's own statement, as "X claimed that ..." would
    assert stance(lex, "Vance previously wanted to assess Southgate's claims that about 5% of its monetizable "
                       "daily active users are spam accounts.", "about 5%") == "confirmed"


def test_a_semicolon_before_and_goes_on_with_the_terms(lex: Lexicons) -> None:
    # "; and" continues the list of the agreement's terms, it opens no remark of the writer's
    assert stance(lex, "Under the terms of agreement, each outstanding share of Southgate will receive 0.045263 "
                       "shares of common stock of Northwind; and $22.4795 in cash.", "$22.4795") == "confirmed"


@pytest.mark.parametrize("cue", ["Under the terms of the agreement, Southgate holders will receive 2.3 shares.",
                                 "Northwind entered into an agreement and plan of merger to acquire Southgate.",
                                 "Vance terminated the merger agreement."])
def test_the_terms_restated_do_not_make_a_paragraph_the_partys_text(lex: Lexicons, cue: str) -> None:
    # a portal or a news story restating the agreement's terms is not the party's own release or filing:
    # its plain sentences stay the writer's
    sentence = "The merger is an all-stock transaction valued at $59.5 billion, or $253 per share."
    at = sentence.index("$59.5 billion")
    assert classify_stance(sentence, lex, f"{cue} {sentence}", (at, at + len("$59.5 billion")), OUTLETS,
                           PARTIES) == "asserted"


@pytest.mark.parametrize(("speaker", "expected"), [
    # "..., says <speaker>": the speaker is the name after the verb, not a party named in what is said; an
    # organisation that merely bears a party's word in its name is no party
    ("Southgate Basin Oil Show President Larry Richards, who hopes the support will continue", "asserted"),
    ("Larry Richards, who hopes the support will continue", "asserted"),
    # ... a party's officer speaks for it
    ("Northwind Chief Executive Jane Doe", "confirmed"),
])
def test_an_inverted_statement_is_its_speakers(lex: Lexicons, speaker: str, expected: str) -> None:
    assert stance(lex, f"Northwind’s $60-billion acquisition of Southgate is a strong indication that the future "
                       f"of the Southgate Basin is secure, says {speaker}.", "$60-billion") == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # only a regulator approves, finalizes or issues a consent order: its decision on the deal, even when the
    # deal is named after a colon or the bullet leaves the regulator unnamed
    ("Also on Friday, the FTC finalized a separate consent order that resolved antitrust concerns over another "
     "mega oil deal: Northwind's $53 billion purchase of Southgate.", "$53 billion"),
    ("Resolves antitrust concerns re Northwind's $64.5bn acquisition of oil producer Southgate by approving "
     "consent order preventing Vance from gaining seat.", "$64.5bn"),
])
def test_a_consent_order_is_a_regulators_decision(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "confirmed"


def test_a_party_allowed_to_proceed_has_the_regulators_decision(lex: Lexicons) -> None:
    # being allowed (permitted, cleared) to proceed with the deal tells the decision on it
    assert stance(lex, "Northwind Co. has finally been allowed to proceed with its $14 billion acquisition of "
                       "Southgate Inc. after settling a lawsuit filed by the U.S. Department of Justice.",
                  "$14 billion") == "confirmed"


@pytest.mark.parametrize(("figure", "expected"), [
    # a party's announcement told as a noun, "X's announcement ... of its intention to acquire Y for $Z" ...
    ("$53 billion", "confirmed"),
    # ... frames its own content, up to the next comma: a figure after it is another clause's
    ("30%", "asserted"),
])
def test_a_partys_announcement_told_as_a_noun(lex: Lexicons, figure: str, expected: str) -> None:
    assert stance(lex, "This move comes in the wake of Northwind’s announcement last autumn of its intention to "
                       "acquire Southgate for $53 billion, a deal that Vance contends should trigger its right of "
                       "first refusal for Southgate’s 30% stake in the block.", figure) == expected


@pytest.mark.parametrize("figure", ["$3.39", "$1.74 billion"])
def test_a_company_reporting_its_results_credits_no_press(lex: Lexicons, figure: str) -> None:
    # "X reported adjusted earnings of ...": a company's report of its own results, not an outlet's report (a
    # name that is no party stays the writer's word, and its opening clause credits nothing after it)
    assert stance(lex, "Eastbay reported adjusted earnings of $3.39 a share, while sales of $1.74 billion came in "
                       "below forecasts.", figure) == "asserted"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Northwind's adjusted earnings of $3.39 a share missed the $3.80 a share analysts had forecast.", "$3.80"),
    ("Sales came in below the $1.77 billion Wall Street had expected.", "$1.77 billion"),
    ("Revenue topped the $2 billion that analysts polled by Eastbay had projected.", "$2 billion"),
    # a participle right after the figure: "vs. $1.60 expected", "the $2 billion estimated by analysts"
    ("- Earnings per share: $1.68 adjusted vs. $1.60 expected", "$1.60"),
    ("Revenue was $9.1 billion, short of the $9.3 billion expected by analysts.", "$9.3 billion"),
])
def test_a_figure_forecasters_expected_is_their_forecast(lex: Lexicons, sentence: str, figure: str) -> None:
    # "the $3.80 a share analysts had forecast": a relative clause (its "that" left out) tells whose forecast
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a cost still to come, given as a bound or an approximation, is an estimate
    ("The restructuring will cost up to $350 million and conclude by 2027.", "$350 million", "rumoured"),
    ("The integration will cost Northwind as much as $2 billion.", "$2 billion", "rumoured"),
    # (a plain cost is no estimate)
    ("The deal will cost Northwind $350 million.", "$350 million", "asserted"),
])
def test_a_future_cost_with_a_bound_is_an_estimate(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # the takings of the year still under way are a projection
    ("Shares fell after Northwind announced plans to acquire Southgate at its $400 million in current-year "
     "revenues for $20 billion.", "$400 million"),
    ("Southgate expects this year's revenue of about $2 billion to double.", "$2 billion"),
])
def test_the_current_years_takings_are_a_projection(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("- Earnings per share: $1.68 adjusted vs. $1.60 expected", "$1.68"),
    ("The $5 billion deal, expected to close next year, was announced by Vance.", "$5 billion"),
])
def test_a_result_beside_an_expected_figure_is_no_forecast(lex: Lexicons, sentence: str, figure: str) -> None:
    # only the figure that "expected" follows is the forecast; "expected to close" qualifies the deal
    assert stance(lex, sentence, figure) != "rumoured"


def test_an_acquisition_target_is_a_noun_not_an_aim(lex: Lexicons) -> None:
    # "the acquisition target" names the company bought; only the verb "targets" sets an aim
    assert stance(lex, "The acquisition target boasts a 92.48% gross profit margin.", "92.48%") == "asserted"


def test_as_part_of_the_agreement_tells_its_terms(lex: Lexicons) -> None:
    # "As part of the merger agreement, ...": the agreement's terms, the parties' text
    assert stance(lex, "As part of the merger agreement, each outstanding share of Southgate was converted into the "
                       "right to receive 0.34 shares of Northwind and $199.91 in cash.", "$199.91") == "confirmed"


def test_a_writer_citing_a_filing_is_not_the_filing(lex: Lexicons) -> None:
    # a paragraph that cites a party's filing ("according to a statement based on a Form 8-K filing") is the
    # writer's story about it: its plain sentences stay the writer's; the filing's own text is the party's
    sentence = "The unit boasts a gross margin of 92% according to market data."
    at = sentence.index("92%")
    for cue, expected in [("Northwind has completed its acquisition of Southgate, according to a press release "
                           "statement based on a Form 8-K filing.", "asserted"),
                          ("Northwind today announced that it has completed its acquisition of Southgate.",
                           "confirmed")]:
        assert classify_stance(sentence, lex, f"{cue} {sentence}", (at, at + len("92%")), OUTLETS,
                               PARTIES) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "set to" / "poised to" tell what is expected to come, like "expected to" ...
    ("Northwind has announced its acquisition of Southgate, with Southgate shareholders set to own 16.5% of "
     "Northwind following the merger.", "16.5%", "rumoured"),
    ("Southgate is poised to post revenue of $2 billion this year.", "$2 billion", "rumoured"),
    # ... but the agreement's terms are the parties' text
    ("As per the merger agreement, Southgate shareholders are set to receive $171 per share.", "$171", "confirmed"),
])
def test_set_to_is_an_expectation(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a cut a party will make is a target, even when the party states or announces it ...
    ("Northwind said it would slice 7% of its global workforce.", "7%", "rumoured"),
    ("Northwind has announced plans to cut approximately 10% of its global workforce.", "approximately 10%",
     "rumoured"),
    ("Northwind will cut 2,000 jobs, or about 10% of its workforce, to realign spending.", "about 10%", "rumoured"),
    # ... unless a notice or filing records it
    ("The company will lay off 575 employees, according to a notice filed with the state, or about 32% of staff.",
     "about 32%", "confirmed"),
    # ... and the deal named by its price as the time of the cut is a mere mention of it
    ("Northwind will lay off 575 employees following its $53 billion acquisition of Southgate.", "$53 billion",
     "asserted"),
    # an announced plan to buy is the deal announced
    ("Northwind announced plans to buy Southgate for $5 billion.", "$5 billion", "confirmed"),
])
def test_a_planned_cut_is_a_target(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_a_filing_quoted_by_an_outlet_is_reported(lex: Lexicons) -> None:
    # "..., according to a regulatory filing as quoted by Reuters": the party's document on the outlet's word
    assert stance(lex, "Northwind will pay $5 billion for Southgate, which makes chips, according to a regulatory "
                       "filing as quoted by Reuters.", "$5 billion") == "reported"


@pytest.mark.parametrize("verb", ["snapped up", "bought"])
def test_a_subject_described_by_an_appositive(lex: Lexicons, verb: str) -> None:
    # "X, a business-software giant, snapped up Y for $14bn": an appositive between the name and its verb
    # leaves the name the subject ("snap up" is to buy)
    assert stance(lex, f"On January 10th Eastbay Systems, a business-software giant, {verb} Westbrook Networks, "
                       "a maker of telecoms gear, for $14bn.", "$14bn") == "confirmed"


def test_moving_ahead_with_the_deal_is_an_act_on_it(lex: Lexicons) -> None:
    # going (moving, pressing) ahead with the deal is the parties' act on it
    assert stance(lex, "The agency ordered Northwind and Southgate to sell parts of their businesses before moving "
                       "ahead with a $35 billion merger.", "$35 billion") == "confirmed"


def test_the_deal_announced_on_a_day_is_no_act(lex: Lexicons) -> None:
    # "The deal announced Tuesday represents ...": a participle after the deal qualifies it, no party acts
    assert stance(lex, "The deal announced Tuesday represents a 29% premium to Southgate's closing price.",
                  "29%") == "asserted"


@pytest.mark.parametrize("sentence", [
    "“The two of them were roughly 100% of the market,” said Jane Doe, research director at Eastbay Group.",
    "The two of them held roughly 100% of the market, says Jane Doe, an analyst at Eastbay.",
    "Eastbay analyst Jane Doe said the two of them held roughly 100% of the market.",
])
def test_an_analysts_word_is_an_estimate(lex: Lexicons, sentence: str) -> None:
    # what an analyst (research director, strategist, economist) says is an estimate, like "according to analysts"
    assert stance(lex, sentence, "roughly 100%") == "rumoured"


def test_a_relative_clause_describing_a_report_credits_no_figure(lex: Lexicons) -> None:
    # "..., which cited people familiar with the matter" describes the report the move followed, it does not
    # credit the share move to sources
    assert stance(lex, "Southgate's shares jumped as much as 8.2% on Tuesday after the newspaper's story, which "
                       "cited people familiar with the matter.", "8.2%", market=True) == "asserted"
    # ... a closing relative clause crediting the sentence's news to an outlet still credits it
    assert stance(lex, "Northwind agreed to buy Southgate for $5 billion, which Reuters first reported.",
                  "$5 billion") == "reported"


@pytest.mark.parametrize("adverb", ["allegedly", "purportedly"])
def test_hearsay_adverbs_credit_the_figure(lex: Lexicons, adverb: str) -> None:
    # "allegedly" tells hearsay, like "reportedly"
    assert stance(lex, f"Despite {adverb} spending $90 million on the warehouse, Northwind has closed it.",
                  "$90 million") == "reported"


@pytest.mark.parametrize(("sentence", "figure"), [
    # "ought to" is a modal like "should"
    ("Southgate's stock ought to gain another 15% from here.", "15%"),
    # "in the event" without "that" is a condition still
    ("Southgate's holders stand to get 15% more in the event Northwind raises its offer.", "15%"),
    # "experts expect the company to ..." is their forecast, like "expect Southgate to"
    ("Bankers expect the company to fetch about $8 billion in a sale.", "about $8 billion"),
    # an intention is a plan, not yet a fact
    ("Northwind intends to pay for the purchase partly by borrowing $6 billion.", "$6 billion"),
    # what a party thinks will happen is its forecast
    ("Northwind thinks the unit will bring in more than $2 billion in sales by 2030.", "more than $2 billion"),
    ("Northwind believes Southgate will add $1 billion in revenue next year.", "$1 billion"),
])
def test_modals_conditions_and_beliefs_about_the_future(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


def test_an_intention_a_party_states_is_its_commitment(lex: Lexicons) -> None:
    # "X said it intends to invest $4bn" is X's commitment, like "X said it plans to invest"
    assert stance(lex, "Northwind said it intends to invest $4 billion in Southgate.", "$4 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the size of a change a party made to its forecast is its act, not a forecast
    ("In July, Northwind cut its annual sales forecast by 8% and said demand was weak.", "8%", "confirmed"),
    ("Northwind raised its full-year outlook by about 5%.", "about 5%", "confirmed"),
    # ... the forecast itself stays one
    ("Northwind revised its forecast for the year to a $2 billion loss.", "$2 billion", "rumoured"),
])
def test_a_change_to_a_forecast_is_an_act(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_a_gerund_after_while_has_the_main_clauses_subject(lex: Lexicons) -> None:
    # "X sold ..., while retaining a 20% stake": the party keeps the stake, its act
    assert stance(lex, "The company last year sold the unit to a rival, while retaining a 20% stake in it.",
                  "20%") == "confirmed"


def test_an_adverb_after_has_also_leaves_the_name_the_subject(lex: Lexicons) -> None:
    # "X has also heavily invested ...": the name before "has also heavily" is the verb's subject
    assert stance(lex, "Doe has also heavily invested in startups, putting about $3 billion to work since 2019.",
                  "about $3 billion", parties=set()) == "confirmed"


@pytest.mark.parametrize("agent", ["the pharma", "the drugmaker", "the company"])
def test_a_passive_act_by_a_party_told_by_its_description(lex: Lexicons, agent: str) -> None:
    # "before being acquired by the drugmaker for $43 billion": the agent, a party by its description, acted
    assert stance(lex, f"The campus was Southgate's base before being acquired by {agent} for $4 billion.",
                  "$4 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Months later, Northwind launched a $2.5-billion cost-cutting initiative.", "$2.5-billion"),
    ("Northwind unveiled $900 million in cost cuts on Tuesday.", "$900 million"),
])
def test_a_cost_cutting_programme_is_a_target(lex: Lexicons, sentence: str, figure: str) -> None:
    # the size of a cost-cutting programme is the cuts still to come, a target like savings
    assert stance(lex, sentence, figure) == "rumoured"


@pytest.mark.parametrize(("sentence", "expected"), [
    # a headline relayed from another outlet, credited at its end by a dash and the outlet's name
    ("Northwind in talks to buy Southgate for more than $30 bln - Reuters", "reported"),
    ("Northwind in talks to buy Southgate for more than $30 bln — Bloomberg", "reported"),
    # ... not a sentence that merely ends with a name
    ("Northwind in talks to buy Southgate for more than $30 bln", "rumoured"),
])
def test_a_headline_credited_to_an_outlet_at_its_end(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "more than $30 bln") == expected



def test_in_the_event_as_a_noun_is_no_condition(lex: Lexicons) -> None:
    # "in the event" opens a condition only before a clause ("in the event Northwind raises its offer")
    assert stance(lex, "It was the largest deal in the event industry, at $5 billion.", "$5 billion") == "asserted"


@pytest.mark.parametrize(("sentence", "expected"), [
    # an effort toward an act ("works to close") is not the act: the deal is named by its price (asserted)
    ("As Northwind works to close its $28 billion sale to Southgate, the company's results show some weakness.",
     "asserted"),
    ("Northwind is struggling to close its $28 billion sale to Southgate.", "asserted"),
    # ... the act itself still is
    ("Northwind took six months to close its $28 billion sale to Southgate.", "confirmed"),
])
def test_an_effort_toward_an_act_is_no_act(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$28 billion") == expected


@pytest.mark.parametrize("sentence", [
    # filler words before a name ("The U.S.") do not hide it as the subject of the act
    "The U.S. FTC picked up six allies in its effort to stop Northwind Inc.'s $5 billion acquisition of Southgate.",
    "The US Acmecorp paid $5 billion for Southgate.",
])
def test_filler_words_before_the_subjects_name(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$5 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a coordinated verb of comparison ("and implies") opens the writer's reckoning from the terms: the act
    # before it does not govern its object
    ("The deal values Southgate at $27.8bn on a fully diluted basis and implies an enterprise value of roughly "
     "$28.3bn.", "roughly $28.3bn", "asserted"),
    ("Northwind offered $27.8bn for Southgate on a fully diluted basis and implied an enterprise value of roughly "
     "$28.3bn.", "roughly $28.3bn", "asserted"),
    ("Northwind offered $27.8bn for Southgate on a fully diluted basis and implied an enterprise value of roughly "
     "$28.3bn.", "$27.8bn", "confirmed"),
])
def test_a_coordinated_comparison_is_the_writers_reckoning(lex: Lexicons, sentence: str, figure: str,
                                                           expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a deal that values its target is no party acting ("the deal values X at"): the writer tells what the terms
    # come to (rule 3 needs a party's act or statement)
    ("The all-cash deal, which was announced on Dec. 20, values Southgate at $95 a share or about $28.5 billion in "
     "equity value.", "$95", "asserted"),
    ("The deal values Southgate at $27.8bn on a fully diluted basis and implies an enterprise value of roughly "
     "$28.3bn.", "$27.8bn", "asserted"),
    # ... a party that values it, or a party's statement of it, still tells it
    ("Northwind said the deal values Southgate at $27.8bn.", "$27.8bn", "confirmed"),
    ("Northwind values Southgate at $27.8bn in its offer.", "$27.8bn", "confirmed"),
])
def test_a_deal_that_values_its_target_is_no_party(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a sentence split off at an abbreviation's full stop (here a misspelt "Inc.") is read whole: the credit
    # before the split is the figure's
    ("(NWND) is in advanced talks to buy Southgate in a deal valued at well over $20 billion.", "reported"),
    ("is in advanced talks to buy Southgate in a deal valued at well over $20 billion.", "reported"),
])
def test_a_sentence_split_at_an_abbreviation_is_read_whole(lex: Lexicons, sentence: str, expected: str) -> None:
    paragraph = ("Vance said it is out of the running. Citing people familiar with the matter, Bloomberg reported "
                 f"that Northwind In. {sentence} A deal could be finalized by Monday.")
    at = sentence.index("$20 billion")
    assert classify_stance(sentence, lex, paragraph, (at, at + 11), OUTLETS, PARTIES) == expected


def test_a_parenthesis_after_a_real_sentence_stands_alone(lex: Lexicons) -> None:
    # no ticker, no abbreviation: the aside is its own sentence
    sentence = "(Northwind's $75 billion bid for Southgate is the biggest.)"
    paragraph = f"Bloomberg reported a record year, according to data from Dealogic. {sentence}"
    at = sentence.index("$75 billion")
    assert classify_stance(sentence, lex, paragraph, (at, at + 11), OUTLETS, PARTIES) == "asserted"


@pytest.mark.parametrize("sentence", [
    # the day of the act between the union and its verb does not hide the union as the act's subject
    "The EU on Monday gave the green light to Northwind's $5 billion takeover bid for Southgate.",
    "The EU on Monday approved Northwind's $5 billion takeover of Southgate.",
    "The European Union last Thursday cleared Northwind's $5 billion takeover of Southgate.",
])
def test_the_day_between_the_union_and_its_decision(lex: Lexicons, sentence: str) -> None:
    assert stance(lex, sentence, "$5 billion") == "confirmed"


@pytest.mark.parametrize(("sentence", "expected"), [
    # a party that wins (obtains, receives) a regulator's approval for its deal: the decision on the deal, as
    # "secured approval" or "got the green light from"
    ("The battle appeared to have ended on Friday as the tech giant won provisional approval for its $5 billion "
     "takeover of Southgate.", "confirmed"),
    ("Northwind obtained clearance for its $5 billion purchase of Southgate.", "confirmed"),
    # ... winning anything else is no approval
    ("Northwind won $5 billion in new contracts.", "asserted"),
])
def test_winning_approval_for_the_deal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$5 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a regulator that drops (withdraws) its case against the deal acts on the deal, as one that sues
    ("The U.S. Federal Trade Commission dropped a case that sought to block Northwind’s (NWND.O) $5 billion "
     "purchase of Southgate, saying on Thursday that pursuing the case was not in the public interest.",
     "confirmed"),
    ("The regulator withdrew its challenge to Northwind's $5 billion purchase of Southgate.", "confirmed"),
    # ... shares that drop do not
    ("Shares dropped the most in a year after Northwind's $5 billion purchase of Southgate.", "asserted"),
])
def test_a_regulator_drops_its_case(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$5 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # shareholders who vote "to approve" the deal are the owners voting, not a party's act
    ("98% of Southgate shareholders voted to approve the Northwind acquisition.", "98%", "asserted"),
    ("Southgate shareholders voted overwhelmingly to approve the $5 billion deal.", "$5 billion", "asserted"),
    # (an adverb before the verb: "have already agreed")
    ("43% of outstanding common stockholders have already agreed to the acquisition, making it unlikely to be "
     "scuttled.", "43%", "asserted"),
    # (a time after the vote: "voted overwhelmingly in April to approve")
    ("Southgate shareholders voted overwhelmingly in April to approve the deal, with less than 1 percent voting "
     "against it.", "1 percent", "asserted"),
    # ... a party's board that votes to approve it is the party acting
    ("Southgate's board voted to approve the $5 billion deal.", "$5 billion", "confirmed"),
])
def test_shareholders_voting_to_approve(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # a comparison after the figure ("a distance from", "below") brings in another figure: the act told after
    # it is that figure's, not the share move's nor the share price's
    ("Southgate (SGTE) shares are up nearly 25% to $81.64, a significant distance from the $95 per share cash "
     "offer that Northwind is willing to pay for the company.", "nearly 25%", True, "asserted"),
    ("Southgate (SGTE) shares are up nearly 25% to $81.64, a significant distance from the $95 per share cash "
     "offer that Northwind is willing to pay for the company.", "$81.64", False, "asserted"),
    ("Southgate shares closed at $81.64, below the $95 per share Northwind agreed to pay.", "$81.64", False,
     "asserted"),
    # ... the compared figure keeps its act
    ("Southgate (SGTE) shares are up nearly 25% to $81.64, a significant distance from the $95 per share cash "
     "offer that Northwind is willing to pay for the company.", "$95", False, "confirmed"),
])
def test_an_act_after_a_comparison_is_the_compared_figures(lex: Lexicons, sentence: str, figure: str, market: bool,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a market sized in a definite noun phrase is what is: the modal before it governs another verb
    ("However, rivals contested the deal, concerned it may give Northwind a tight grip on the $200 billion games "
     "market.", "asserted"),
    ("The combined company could dominate the $200 billion global cloud software market.", "asserted"),
    # ... a market the deal could create, or a market share, still hangs on the modal
    ("The deal could create a $200 billion games market.", "rumoured"),
    ("Together they would control the $200 billion market share.", "rumoured"),
])
def test_a_markets_size_under_a_modal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$200 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the figure a comparison brings in ("less than its then $63 price", "above the $65 closing price") is
    # another quantity: the act before the comparison is not about it
    ("Vance purchased $100 million in Southgate stock for $40 per share, notably less than its then $63 price.",
     "$63", "asserted"),
    ("Northwind agreed to pay $95 per share, well above the $65 closing price of Southgate.", "$65", "asserted"),
    # ... the act's own figures keep it, and so does a bound of the figure itself
    ("Vance purchased $100 million in Southgate stock for $40 per share, notably less than its then $63 price.",
     "$40", "confirmed"),
    ("Northwind agreed to pay more than $5 billion.", "$5 billion", "confirmed"),
])
def test_an_act_before_a_comparison_is_not_the_compared_figures(lex: Lexicons, sentence: str, figure: str,
                                                                expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a counted group of persons as the subject ("The three men") does the act it tells, as a name does
    ("The three men purchased a collective $100 million in Southgate stock for $40 per share, notably less than "
     "its then $63 price.", "$100 million", "confirmed"),
    ("The three men purchased a collective $100 million in Southgate stock for $40 per share, notably less than "
     "its then $63 price.", "$40", "confirmed"),
    # ... not the figure a comparison brings in, nor analysts' valuation
    ("The three men purchased a collective $100 million in Southgate stock for $40 per share, notably less than "
     "its then $63 price.", "$63", "asserted"),
    ("The two analysts valued the deal at $5 billion.", "$5 billion", "rumoured"),
])
def test_a_counted_group_of_persons_as_the_subject(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # a statement told in a time clause after the figure ("after the companies announced the deal") dates the
    # share move, it does not state it
    ("Northwind shares were down more than 2% on Monday morning after the companies announced the deal.",
     "more than 2%", True, "asserted"),
    # ... a statement outside a time clause still covers the sentence
    ("Northwind will pay $5 billion in cash, the companies said on Monday.", "$5 billion", False, "confirmed"),
    ("Northwind will pay $5 billion in cash, according to a joint statement.", "$5 billion", False, "confirmed"),
])
def test_a_statement_in_a_time_clause_after_the_figure(lex: Lexicons, sentence: str, figure: str, market: bool,
                                                       expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # one shareholder (customer, employee) of a party named by the party's name is a person of its own: what it
    # does is no act of the party, and the deal named by its price stays a mention
    ("A Southgate Corporation shareholder sued in Delaware's Chancery Court on Tuesday in connection with the "
     "company's planned $95-per-share acquisition by Northwind, filing the complaint a day before the $28.3 "
     "billion tender offer was set to expire.", "$95", "asserted"),
    ("A Southgate Corporation shareholder sued in Delaware's Chancery Court on Tuesday in connection with the "
     "company's planned $95-per-share acquisition by Northwind, filing the complaint a day before the $28.3 "
     "billion tender offer was set to expire.", "$28.3 billion", "asserted"),
    # ... the party itself, or its board, still acts
    ("Southgate sued Northwind for $2 billion in damages.", "$2 billion", "confirmed"),
    ("The Southgate board accepted the $95-per-share offer from Northwind.", "$95", "confirmed"),
])
def test_one_holder_of_a_party_is_not_the_party(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a closing still to come is no act done: the deal named by its price in it is a mention
    ("Northwind expects to close its $28.3 billion acquisition of Southgate as soon as Monday.", "asserted"),
    # ... a closing done is an act on the deal, and a party's statement of the expectation states it
    ("Northwind closed its $28.3 billion acquisition of Southgate on Monday.", "confirmed"),
    ("Northwind said on Tuesday it expects to close its $28.3 billion deal to buy Southgate later this week.",
     "confirmed"),
])
def test_a_closing_still_to_come(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$28.3 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the figure an equal comparison measures against ("twice as big as X's $16 billion bid") is a baseline: what
    # it is does not hang on the condition or the modal of the comparison
    ("If the deal pans out at anywhere near that price, it'll be twice as big as Westbrook's $16 billion bid for "
     "Eastbay, and would dwarf the footprints of its rivals.", "$16 billion", "asserted"),
    ("The deal would be about as large as the $16 billion takeover of Eastbay.", "$16 billion", "asserted"),
    # ... the figure under the condition itself still hangs on it
    ("If the deal pans out, Northwind would pay $16 billion for Southgate.", "$16 billion", "rumoured"),
])
def test_a_baseline_of_an_equal_comparison(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "as (first / previously) reported" with no one named refers to earlier coverage: it credits nobody with
    # the sentence's news, the sentence's own verb tells it
    ("As first reported this past week, Northwind and Southgate have agreed to a deal where the company will "
     "acquire the digital health giant in an all-cash deal for $95 per share.", "confirmed"),
    ("As previously reported, Northwind agreed to pay $95 per share.", "confirmed"),
    # ... a report credited to someone still credits it
    ("As first reported by the Daily Ledger, Northwind agreed to pay $95 per share.", "reported"),
    ("Northwind agreed to pay $95 per share, it was first reported on Monday.", "reported"),
])
def test_as_first_reported_credits_nobody(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$95") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a closing statement whose speaker is placed by "City, State-based" ("the Austin, Texas-based company said")
    # covers the sentence, as "the Texas-based company said" does
    ("The deal is Northwind’s largest to date – exceeding its $10.3 billion acquisition of Eastbay in 2004 – and "
     "it strengthens its foothold in the healthcare sector, the Austin, Texas-based company said Monday.",
     "confirmed"),
    ("Northwind will pay $10.3 billion in cash, the Austin, Texas-based company said Monday.", "confirmed"),
    # ... not a speaker who is no party
    ("The deal is Northwind’s largest to date – exceeding its $10.3 billion acquisition of Eastbay in 2004, the "
     "Austin, Texas-based analyst said Monday.", "asserted"),
])
def test_a_speaker_placed_by_city_and_state(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$10.3 billion") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # money a buyer has "ready to buy" is a readiness, no act done: the figure is not yet a fact
    ("Northwind Has $30 Billion Ready to Buy Southgate", "rumoured"),
    ("Northwind is ready to pay $30 billion for Southgate.", "rumoured"),
    # ... an act done stays an act
    ("Northwind agreed to buy Southgate for $30 billion.", "confirmed"),
])
def test_ready_to_buy_is_no_act_done(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$30") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a figure fronted before the clause that says what it is ("$30 billion, that's how much X would have left
    # to acquire Y"): a modal in that clause governs it as one before it would
    ("$30 billion, that’s how much Northwind would have left to acquire Southgate.", "rumoured"),
    ("$30 billion, that’s what Northwind agreed to pay for Southgate.", "confirmed"),
    # ... a modal after a figure that is not fronted does not
    ("Northwind paid $30 billion for Southgate, a price that could rise.", "confirmed"),
])
def test_a_fronted_figure(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "$30 billion") == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a participle's purpose ("targeted to put", "designed to invest") names an act to come, none done
    ("So far, Northwind’s most significant acquisition was the 9.3 billion dollars of American cloud computing "
     "firm Southgate in 2016, targeted to put at a place to compete with its rivals.", "9.3 billion dollars",
     "asserted"),
    ("The $2 billion fund of software maker Southgate is designed to invest in startups.", "$2 billion", "asserted"),
    # ... the act itself is still an act
    ("Southgate put $2 billion into startups.", "$2 billion", "confirmed"),
])
def test_a_participles_purpose_is_no_act(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # a share move told in a relative clause after a report ("..., which sent its shares soaring 18%") is what the
    # market did: the report's credit stays outside the relative clause
    ("A Southgate deal comes after Bloomberg first reported late last month that Southgate was reviewing its "
     "options amid takeover interest, which sent its shares soaring 18% on Dec. 22.", "18%", True, "asserted"),
    # ... a credit inside the relative clause, or a figure of the report itself, is still credited
    ("Southgate shares rose, which Bloomberg reported was a gain of 18% on the day.", "18%", True, "reported"),
    ("Bloomberg reported that Southgate shares rose 18% on the news.", "18%", True, "reported"),
])
def test_a_share_move_in_a_relative_clause_after_a_report(lex: Lexicons, sentence: str, figure: str,
                                                          market: bool, expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the figure a forecast noun names is the forecast ...
    ("Quarterly revenue rose 12% to $4.1 billion, beating analysts' expectations of $3.9 billion.", "$3.9 billion",
     "rumoured"),
    ("Quarterly revenue rose 12% to $4.1 billion, beating analysts' expectations of $3.9 billion.", "$4.1 billion",
     "asserted"),
    # ... and a forecast a result beat is the object of that comparison, not a forecast of the result beside it
    ("Southgate actually beat its guidance for the second quarter, with revenue of $512 million, a 22% increase.",
     "$512 million", "asserted"),
    ("Southgate actually beat its guidance for the second quarter, with revenue of $512 million, a 22% increase.",
     "22%", "asserted"),
    # (a forecast not beaten still governs the figure after it)
    ("Southgate's guidance calls for full-year revenue of $2 billion.", "$2 billion", "rumoured"),
])
def test_a_forecast_named_or_beaten(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    # a prediction the writer is sure of is still a prediction
    ("But any deal is sure to come at a premium and value Southgate over $9B.", "$9B"),
    ("Northwind's bid is bound to top $5 billion, bankers say.", "$5 billion"),
    # what a deal is designed or meant to bring is its aim
    ("The merger is designed to lift annual sales growth to more than 20% and ranks as Northwind's largest.",
     "20%"),
])
def test_sure_to_and_designed_to_are_no_facts(lex: Lexicons, sentence: str, figure: str) -> None:
    assert stance(lex, sentence, figure) == "rumoured"


def test_an_opening_price_is_the_markets(lex: Lexicons) -> None:
    sentence = "Southgate made its market debut in June 2019 with an opening price of $38.50."
    assert stance(lex, sentence, "$38.50") == "asserted"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a subordinate clause has its own subject: the party's act before it is not about its figure
    ("Also, the company safely completed a deal with Southgate, at the same time that the app's revenues rose 39% "
     "for the quarter.", "39%", "asserted"),
    ("Northwind closed its purchase of Southgate even as Southgate's sales fell 12% in the quarter.", "12%",
     "asserted"),
    # (the act's own figure before it stays the act's)
    ("Northwind completed the $5 billion deal at the same time as it posted results.", "$5 billion", "confirmed"),
])
def test_a_subordinate_clause_of_time_or_contrast(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "wrapped up" is an act done (like "completed") ...
    ("(Bloomberg) -- Northwind Inc. wrapped up a $6 billion bond sale Tuesday to fund its $20 billion acquisition "
     "of Southgate Inc., a deal designed to widen its reach.", "$6 billion", "confirmed"),
    ("Northwind wraps up $20 billion Southgate takeover", "$20 billion", "confirmed"),
    # ... and the deal that another act pays for, named by its price, is a mere mention of it
    ("(Bloomberg) -- Northwind Inc. wrapped up a $6 billion bond sale Tuesday to fund its $20 billion acquisition "
     "of Southgate Inc., a deal designed to widen its reach.", "$20 billion", "asserted"),
    ("Northwind sold bonds on Tuesday to pay for its $20 billion takeover of Southgate.", "$20 billion", "asserted"),
])
def test_wrapped_up_and_the_deal_an_act_pays_for(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a relative clause closed at its comma: the main clause's act resumes with the preposition before the figure
    ("Northwind, which claims around 150,000 customers worldwide, agreed to buy Southgate, which has around 10 "
     "million active daily users, for $27.7bn late last year.", "$27.7bn", "confirmed"),
    ("Northwind bought Southgate, which had been valued at $5 billion in its last round, for $9 billion.",
     "$9 billion", "confirmed"),
    # (the figure inside the relative clause stays its own)
    ("Northwind bought Southgate, which had been valued at $5 billion in its last round, for $9 billion.",
     "$5 billion", "asserted"),
])
def test_the_main_clause_resumes_after_a_relative_clause(lex: Lexicons, sentence: str, figure: str,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a figure in a gerund phrase that is the subject of a modal verb is a hypothetical
    ("Assuming premiums of 30%, 45% and 55% to these prices would give values of $21.10, $23.40 and $25.00.",
     "30%", "rumoured"),
    ("Assuming premiums of 30%, 45% and 55% to these prices would give values of $21.10, $23.40 and $25.00.",
     "45%", "rumoured"),
    ("Paying $30 billion for Southgate could strain Northwind's balance sheet.", "$30 billion", "rumoured"),
    # (not a leading adverbial phrase, whose figure the main clause's subject tells)
    ("Citing $5 billion in new orders, Northwind said the deal would pay for itself.", "$5 billion", "confirmed"),
])
def test_a_gerund_subject_of_a_modal(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a market value a hedged comparison measures against (with its article) is a baseline, no hypothetical
    ("Such a deal would likely value Southgate at more than the $9 billion market cap it held before shares jumped.",
     "$9 billion", "asserted"),
    ("Northwind could pay well above the $40 share price of last Friday.", "$40", "asserted"),
    # (the bound of the hedged figure itself stays hedged)
    ("Such a deal would likely value Southgate at more than $9 billion.", "$9 billion", "rumoured"),
])
def test_a_market_value_as_the_baseline_of_a_hedged_comparison(lex: Lexicons, sentence: str, figure: str,
                                                                expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share move that a modal of its clause governs is a hypothetical ...
    ("Spinning off Southgate, however, could be like taking a weight off Northwind's shoulders, boosting the stock "
     "by as much as 27%.", "rumoured"),
    # ... not one beside a modal in a relative clause closed before it
    ("Southgate shares, which could be sold within the year, rose 27% on Monday.", "asserted"),
])
def test_a_share_move_under_a_modal(lex: Lexicons, sentence: str, expected: str) -> None:
    assert stance(lex, sentence, "27%", market=True) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a day between the subject and its verb is no object that a participle qualifies: the act is the party's
    ("Northwind Corp. on Tuesday closed on its $12.4 billion acquisition of Southgate's chip unit.", "$12.4 billion",
     "confirmed"),
    # (a participle after a day with no subject before it still qualifies its noun)
    ("The $4 billion investment in Southgate announced on Tuesday is its largest.", "$4 billion", "asserted"),
    # an adverb between "will" and the act: "will also sell"
    ("The company will also sell its 40 percent stake in a European joint venture to satisfy regulators.",
     "40 percent", "confirmed"),
    # a party raising its bid by another verb: "hiked", "increased", "sweetened"
    ("Vance recently increased its offer for Southgate to £18 billion, just hours after Northwind hiked its bid for "
     "the chipmaker to £16.5 billion.", "£16.5 billion", "confirmed"),
    ("Northwind sweetened its offer to $31 a share.", "$31", "confirmed"),
])
def test_a_partys_act_told_with_a_day_an_adverb_or_a_raised_bid(lex: Lexicons, sentence: str, figure: str,
                                                                 expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize("figure", ["1 cent", "$52.10"])
def test_shares_with_a_ticker_are_a_market_subject(lex: Lexicons, figure: str) -> None:
    # "Shares of X (XYZ) closed": the market, not the party, closed (even when a party's bid precedes it in
    # a sentence the splitter left whole after "Inc.")
    sentence = ("The deal gives Northwind more content in a bid to challenge Eastbay Inc. Shares of Northwind (NWD) "
                "closed down 1 cent, or a fraction of a percent, to $52.10 on the New York Stock Exchange.")
    assert stance(lex, sentence, figure) == "asserted"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the share of a company a buyer does not own yet is what is: a hedge of the buying does not reach it
    ("Northwind anticipates that its deal to buy the remaining 39 per cent stake of Southgate, which has been held "
     "up by regulators, will be approved in the first half of the year.", "39 per cent", "asserted"),
    ("Before the merger closes, it is anticipated that Northwind will seek to complete its planned acquisition of "
     "the 39% of Southgate it doesn't already own.", "39%", "asserted"),
    ("All eyes are now on Northwind to see if it will increase its offer for the 39% of Southgate that it does "
     "not already own.", "39%", "asserted"),
    # (the remaining share after a deal, which owners would hold, is no stake a buyer lacks)
    ("If the deal is finalized, Southgate shareholders will own the remaining 40%.", "40%", "rumoured"),
    # (nor is the price of buying it)
    ("Northwind could buy the remaining 39% stake in Southgate for $3 billion.", "$3 billion", "rumoured"),
])
def test_a_stake_the_buyer_does_not_own_yet(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party outbidding another with its offer acts
    ("Vance outbids Northwind with $48bn offer for Southgate assets", "$48bn", "confirmed"),
    # the rival's bid that a bid tops is the comparison's baseline, not the act of the bidder that tops it
    ("Northwind had raised its offer for Southgate to 52 billion US dollars (£40 billion), outbidding Vance’s 48 "
     "billion US dollar (£37 billion) bid.", "48 billion US dollar", "asserted"),
    ("Northwind had raised its offer for Southgate to 52 billion US dollars (£40 billion), outbidding Vance’s 48 "
     "billion US dollar (£37 billion) bid.", "£37 billion", "asserted"),
    ("Northwind had raised its offer for Southgate to 52 billion US dollars (£40 billion), outbidding Vance’s 48 "
     "billion US dollar (£37 billion) bid.", "52 billion US dollars", "confirmed"),
])
def test_outbidding_and_the_rivals_bid(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a possessor's "plan to buy" names the deal (like "its planned purchase"), no plan still to come
    ("Shareholders have signed off on Northwind's plan to buy the film assets of Southgate for $52bn (£40bn).",
     "$52bn", "asserted"),
    # (a party's plan to buy told by its verb is its act: see test_a_plan_to_buy_in_a_deal)
    ("Northwind plans to buy the film assets of Southgate for $52bn.", "$52bn", "confirmed"),
    # (and a possessor's plan to do another thing is still a plan)
    ("Northwind's plan to raise $5bn in new debt worries investors.", "$5bn", "rumoured"),
])
def test_a_possessors_plan_to_buy_names_the_deal(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_an_outlets_own_calculations_credit_the_figure(lex: Lexicons) -> None:
    sentence = ("This translates to a value of $31.20 per share for the assets that Northwind is buying, Reuters "
                "calculations based on Northwind's Tuesday closing price show.")
    assert stance(lex, sentence, "$31.20") == "reported"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a guess by unnamed many is an estimate
    ("While the exact value of the assets for sale is still not known, many place them around $45 billion.",
     "$45 billion", "rumoured"),
    ("Others put the price tag at $3 billion.", "$3 billion", "rumoured"),
    # (not "some value investors")
    ("Some value investors bought $2 billion of Southgate shares.", "$2 billion", "asserted"),
    # (not "put in" money)
    ("Northwind and others put in $3 billion of their own money.", "$3 billion", "confirmed"),
])
def test_a_guess_by_unnamed_many(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "the assets of Y sold to X in a $N deal completed ...": participles qualifying nouns, no party's act
    ("The regional networks were part of the assets of Eastbay's 20th Century Southgate sold to Northwind in a "
     "blockbuster $48 billion deal completed earlier this year.", "$48 billion", "asserted"),
    # (the seller selling is its act)
    ("Southgate sold its studios to Northwind in a $48 billion deal.", "$48 billion", "confirmed"),
    # (a participle with its agent still tells the agent's act)
    ("It was part of the assets of Eastbay Corp acquired by Northwind for $2 billion.", "$2 billion", "confirmed"),
    # the figure a possessor that is no party owns is its own, a party's act before it is not about it
    ("The acquisition enabled Northwind to acquire valuable franchises, giving Northwind a portion of Skyfall’s "
     "$2.1 billion in worldwide box office earnings.", "$2.1 billion", "asserted"),
    # (a party's act on a possessor's deal still is: "Inc.'s $28 billion acquisition")
    ("Northwind agreed to buy Southgate's $5 billion cable unit.", "$5 billion", "confirmed"),
])
def test_participles_and_possessors_that_tell_no_act(lex: Lexicons, sentence: str, figure: str,
                                                      expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "shelled out" / "forked out": paying, the party's act
    ("A second deal would be sizable for Northwind, after the company shelled out $16.6 billion for Southgate "
     "in late 2022.", "$16.6 billion", "confirmed"),
    ("Southgate and Eastbay — which Northwind shelled out nearly $30 billion combined for — both grew.",
     "$30 billion", "confirmed"),
    ("Northwind forked over $2 billion for the chipmaker.", "$2 billion", "confirmed"),
    # "struck a $13.1 billion deal": the price may stand between the article and the deal
    ("Northwind has struck a $13.1 billion deal to buy Southgate, extending its reach.", "$13.1 billion",
     "confirmed"),
    ("Northwind sealed a $900 million agreement with Southgate.", "$900 million", "confirmed"),
    # a headline's "X to pump $N into ...": the headline form of "X will pump"
    ("Northwind to pump another $13B into its devices business with Southgate deal", "$13B", "confirmed"),
    # (the deal named by its price after another party's verb is still a mention)
    ("Analysts looked at the $13.1 billion deal.", "$13.1 billion", "asserted"),
])
def test_paying_out_striking_a_priced_deal_and_pumping(lex: Lexicons, sentence: str, figure: str,
                                                       expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "prior to media reports ...": a time clause after the figure dates the baseline, it credits nothing
    ("This cash offer represents a 17% premium over Southgate’s closing price on March 25, prior to media "
     "reports on a potential deal.", "17%", "asserted"),
    # "a 2.2% reported gain", "on a reported basis": the accounting term, no press credit
    ("The unit's sales came to $7.96 billion, to equal a 2.2% reported gain compared to last year.", "2.2%",
     "asserted"),
    ("Sales rose 4% on a reported basis, to $3 billion.", "$3 billion", "asserted"),
    # "we reported that ...": the outlet's own earlier story credits the figure
    ("In April, we reported that Northwind had reached an agreement with Southgate in a deal with an "
     "enterprise value of approximately $13.1 billion.", "$13.1 billion", "reported"),
    # (a party's "we reported revenue of" is its own results)
    ("“In the quarter we reported revenue of $5 billion,” Northwind's chief executive said.", "$5 billion",
     "confirmed"),
])
def test_prior_to_reports_a_reported_gain_and_we_reported(lex: Lexicons, sentence: str, figure: str,
                                                          expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "expects <a bare noun phrase> to <verb>": a forecast, even when the party states it
    ("Northwind said it expects financing costs related to the Southgate deal to reduce adjusted per-share "
     "earnings by 10 cents this year and 17 cents in 2025.", "17 cents", "rumoured"),
    ("Northwind expects higher interest costs to cut its profit by $40 million.", "$40 million", "rumoured"),
    # (the expected closing of the deal named by its price is no forecast of the price)
    ("Northwind said it expects the $5 billion deal to close in June.", "$5 billion", "confirmed"),
])
def test_expects_a_noun_phrase_to(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a figure heading the subject of "could" / "might" / "may" is what may be, even when a party says it
    ("Sales grew 4.4%, and the company said the 0.4% of that figure could be attributed to its new unit.", "0.4%",
     "rumoured"),
    ("Northwind said $2 billion might be saved by the merger.", "$2 billion", "rumoured"),
    # (not a figure that is the object in a clause which is the subject: the cost is a fact)
    ("That the acquisition costs $6.4 billion might be all the motivation the agency needs.", "$6.4 billion",
     "asserted"),
    # (nor a figure sizing a noun: "the $20 billion acquisition may be in trouble")
    ("The $20 billion acquisition may be in trouble.", "$20 billion", "asserted"),
    # the party's deal named by its price as the cause of another figure is a mention ("a buy of" is the deal)
    ("Sales grew 4.4%, and the company said the 0.4% of that figure could be attributed to its recent $13.1 "
     "billion buy of Southgate and its tools.", "$13.1 billion", "asserted"),
    ("Northwind said growth was driven by its $5 billion purchase of Southgate.", "$5 billion", "asserted"),
    # (the party's own act on the deal still is its act)
    ("Northwind said it closed its $5 billion purchase of Southgate.", "$5 billion", "confirmed"),
])
def test_a_hedged_figure_subject_and_a_deal_as_a_cause(lex: Lexicons, sentence: str, figure: str,
                                                        expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a closing price inside what a party says ("X said it will pay ..., a premium to the closing price of $N")
    # is part of its statement
    ("Northwind on Friday said it will pay $335 a share in cash for Southgate, a 4.7% premium to Thursday's "
     "closing price of $319.99 for the California company.", "$319.99", "confirmed"),
    # (an act does not cover it: the closing price is the market's, not what the party pays)
    ("Northwind will pay $157 per share in cash for Southgate, a 31.3 percent premium over the company's "
     "closing price of $119.59 on Wednesday.", "$119.59", "asserted"),
])
def test_a_closing_price_inside_a_partys_statement(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a firm's analysts writing or saying it (the verb later in the sentence): the analysts' estimate
    ("Acme Securities analysts were enthusiastic about Southgate in a February note, writing that its technology "
     "“opened an $8.5B+ market that is only 6% penetrated.”", "$8.5B+", "rumoured"),
    ("Acme Securities analysts said in a note that the market is worth $3 billion.", "$3 billion", "rumoured"),
    # (analysts' expectations that a result beat are no analyst's word on the result)
    ("Northwind's revenue beat analysts’ expectations, rising 5% to $2 billion, the company said.", "$2 billion",
     "confirmed"),
])
def test_a_firms_analysts_writing(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # sales, revenue or profit told in the future tense are a forecast, even in a party's words
    ("“We are excited to announce that they will be the 13th business with sales in excess of $1 billion "
     "annually,” added Northwind’s chairman, Tim Vance.", "in excess of $1 billion", "rumoured"),
    ("The unit will generate $2 billion in revenue next year, Northwind said.", "$2 billion", "rumoured"),
    # (a term the party commits to is no forecast; nor are past sales in a sentence with a later "will")
    ("Northwind will pay $335 a share in cash.", "$335", "confirmed"),
    ("Southgate posted sales of $2 billion last year and will join Northwind.", "$2 billion", "confirmed"),
])
def test_future_takings_are_a_forecast(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


def test_an_officer_introduced_in_the_paragraph_speaks_for_the_party(lex: Lexicons) -> None:
    # "Tim Keller, Northwind's chairman, ... Keller said": the paragraph tells who the speaker is
    sentence = ("About half of Northwind’s assets are in higher growth markets, compared with about 20% in 2018, "
                "Keller said.")
    paragraph = ("Tim Keller, Northwind’s worldwide chairman of devices, told investors on a call that the plan is "
                 "working. " + sentence)
    at = sentence.index("about 20%")
    span = (at, at + len("about 20%"))
    assert classify_stance(sentence, lex, paragraph, span, OUTLETS, PARTIES) == "confirmed"
    # (the same words with no officer introduced: a speaker the sentence does not tie to a party)
    assert classify_stance(sentence, lex, sentence, span, OUTLETS, PARTIES) == "asserted"
    # (an officer of another organisation is no party's)
    other = paragraph.replace("Northwind’s worldwide chairman", "Eastbay’s worldwide chairman")
    assert classify_stance(sentence, lex, other, span, OUTLETS, PARTIES) == "asserted"


@pytest.mark.parametrize("introduction", [
    "Northwind’s chief executive, Tim Keller, spoke on a call.",
    "Northwind CEO Tim Keller spoke on a call.",
    "Tim Keller, chief executive officer of Northwind, spoke on a call.",
])
def test_the_shapes_that_introduce_an_officer(lex: Lexicons, introduction: str) -> None:
    sentence = "Sales grew by about 20% in 2018, Keller said."
    at = sentence.index("about 20%")
    assert classify_stance(sentence, lex, introduction + " " + sentence, (at, at + len("about 20%")), OUTLETS,
                           PARTIES) == "confirmed"


@pytest.mark.parametrize(("paragraph", "expected"), [
    # a defined term in parentheses marks a filing's or an agreement's own text: the party's words
    ("The closing remains subject to the approval of the Merger by holders of shares of common stock, par value "
     "$0.001 per share, of Southgate (“Company Shares”) representing a majority of the Company Shares.",
     "confirmed"),
    # (a plain news sentence with the same figure is the writer's)
    ("The closing remains subject to the approval of the merger by holders of shares of common stock, par value "
     "$0.001 per share, of Southgate.", "asserted"),
])
def test_a_defined_term_marks_a_filings_text(lex: Lexicons, paragraph: str, expected: str) -> None:
    at = paragraph.index("$0.001")
    assert classify_stance(paragraph, lex, paragraph, (at, at + 6), OUTLETS, PARTIES) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a debt or bond deal that raised money tells what the bonds did, it names no party
    ("The rare AAA-rated debt deal raised $4 billion, while setting the lowest spread of the year.", "$4 billion",
     "asserted"),
    # (the party raising it is its act)
    ("Northwind raised $4 billion in a rare AAA-rated debt deal.", "$4 billion", "confirmed"),
])
def test_a_debt_deal_is_no_party(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a credit to a deal party by name is the party's statement (opening, closing or in the clause)
    ("According to Northwind, its offer provides a better opportunity for Southgate investors and represents a "
     "37% premium to Eastbay's deal value.", "37%", "confirmed"),
    ("The offer represents a 37% premium to the rival bid, according to Northwind.", "37%", "confirmed"),
    # (a data provider or an outlet is no party: its figures are the writer's or the press's)
    ("Southgate has a market cap of more than $12 billion, according to FactSet.", "$12 billion", "asserted"),
    ("The offer values Southgate at $12 billion, according to Reuters.", "$12 billion", "reported"),
])
def test_a_credit_to_a_party_is_its_statement(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "market", "expected"), [
    # two sentences fused without a space after the full stop: the act in the second is not the first's figure
    ("Southgate shares were down by 6.3%.Last summer, Northwind and Southgate agreed to combine in a deal.", "6.3%",
     True, "asserted"),
    ("The fee comes to about 2% of the deal value.Last week, Northwind agreed to pay it.", "2%", False,
     "asserted"),
    # (the second sentence's own figure keeps its act)
    ("Southgate shares were down by 6.3%.Last summer, Northwind agreed to buy Southgate for $7.6 billion.",
     "$7.6 billion", False, "confirmed"),
])
def test_sentences_fused_without_a_space(lex: Lexicons, sentence: str, figure: str, market: bool,
                                         expected: str) -> None:
    assert stance(lex, sentence, figure, market=market) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # informing, notifying or warning someone is a party's statement (a headline's present tense too)
    ("Northwind informs Southgate “certain conditions” of $3.8 billion buyout deal may not be met by deadline",
     "$3.8 billion", "confirmed"),
    ("Northwind notified Southgate that it will end the $3.8 billion deal.", "$3.8 billion", "confirmed"),
    ("Northwind warned that the $3.8 billion deal may not close.", "$3.8 billion", "confirmed"),
    # (the verb's subject must be a party)
    ("A shareholder group warned that the $3.8 billion deal may not close.", "$3.8 billion", "asserted"),
])
def test_informing_and_warning_are_statements(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a clause that opens with its verb has the subject of the clause before it (a headline's too)
    ("Northwind Flying High with Southgate; Agrees to Buy for $3.6B", "$3.6B", "confirmed"),
    ("Northwind bought a stake in Southgate last year, and agreed to pay $1 billion more.", "$1 billion",
     "confirmed"),
    ("Northwind rejects Southgate bid; says $30 a share undervalues the company", "$30", "confirmed"),
    # (a deal that values its target is no party acting)
    ("The deal represents a premium of about 26.6% to Southgate's closing price, and values the firm at "
     "$34.97 billion.", "$34.97 billion", "asserted"),
    # (nor is a clause with a subject of its own)
    ("Northwind Flying High with Southgate; Traders Cheer $3.6B Offer", "$3.6B", "asserted"),
])
def test_an_elided_subject_is_the_clause_befores(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # proposing a deal or a price is a party's act, as offering is
    ("Northwind has proposed a buyout offer to Southgate for approximately $3.6 billion.", "$3.6 billion",
     "confirmed"),
    ("Northwind Flying High with Southgate; Proposed to Buy for $3.6B", "$3.6B", "confirmed"),
    ("Northwind proposes to acquire Southgate for $30 a share.", "$30", "confirmed"),
    # ("proposed" as an adjective of the deal is a mention of it)
    ("Northwind's proposed $3.6 billion acquisition of Southgate drew criticism.", "$3.6 billion", "asserted"),
    ("The proposed $3.6 billion acquisition drew criticism.", "$3.6 billion", "asserted"),
])
def test_proposing_is_a_partys_act(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the goal of an act is no act done: a deal it names is a mention, the act before it is not about it
    ("Northwind on Monday launched a hostile takeover for Southgate in an attempt to swing investors away from "
     "Southgate's $6.6 billion merger with Eastbay.", "$6.6 billion", "asserted"),
    ("Northwind raised its offer in a bid to lure shareholders away from Southgate's $6.6 billion deal with Eastbay.",
     "$6.6 billion", "asserted"),
    # (unless the deal is what the goal's verb acts on)
    ("The FTC picked up six allies in its unprecedented effort to stop Northwind Inc.’s $27.8 billion acquisition "
     "of Southgate.", "$27.8 billion", "confirmed"),
])
def test_a_deal_named_in_an_acts_goal_is_a_mention(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a relative clause comparing what was said with another's figure is the writer's remark
    ("Northwind said in a news release that it will pay $33.50 a share in cash for Southgate in a $3.8 billion "
     "deal, which was higher than Eastbay's $2.6 billion offer in cash and stock.", "$2.6 billion", "asserted"),
    ("Northwind said it will pay $3.8 billion, which is well above the $2.6 billion offer from Eastbay.",
     "$2.6 billion", "asserted"),
    # (the figures said stay the party's; so does a comparison the party itself states)
    ("Northwind said in a news release that it will pay $33.50 a share in cash for Southgate in a $3.8 billion "
     "deal, which was higher than Eastbay's $2.6 billion offer in cash and stock.", "$3.8 billion", "confirmed"),
    ("The deal is $3.8 billion, which is higher than Eastbay's $2.6 billion offer, Northwind said.",
     "$2.6 billion", "confirmed"),
])
def test_a_comparing_relative_clause_is_the_writers(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party's or a regulator's act told in a headline's present tense
    ("Northwind bids all-cash offer of $3.7 billion", "$3.7 billion", "confirmed"),
    ("Northwind bids $3.7 billion for Southgate", "$3.7 billion", "confirmed"),
    ("Northwind scraps $3.8 billion deal to buy Southgate", "$3.8 billion", "confirmed"),
    ("Northwind, Southgate abandon $20bn merger amid opposition from regulators", "$20bn", "confirmed"),
    ("EU Commission clears Northwind's $36 billion Southgate deal", "$36 billion", "confirmed"),
    ("FTC seeks more information on $53 bln Northwind-Southgate deal", "$53 bln", "confirmed"),
    # (not these words as nouns or of no party)
    ("The bids of $3.7 billion came in late.", "$3.7 billion", "asserted"),
    ("Scrap prices rose 3% as the $3.8 billion deal closed in on approval.", "3%", "asserted"),
])
def test_headline_present_tense_acts(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "Per Share" in a title-case headline is a unit, no credit ("per the Verge" is one)
    ("Northwind Raises Offer for Southgate to $38 Per Share", "$38", "confirmed"),
    ("Northwind will pay $38 a share in cash, per the Verge.", "$38", "reported"),
    # a headline credited at its end to an outlet after a dash with one space, or by an inverted "says WSJ"
    ("Beijing weighs delaying approval of $69 bln Northwind-Southgate deal- Reuters", "$69 bln", "reported"),
    ("Northwind close to acquiring Southgate for more than $40B, says Bloomberg", "more than $40B", "reported"),
    # (a hyphenated name before the figure is no credit)
    ("Northwind-Southgate deal worth $69 bln", "$69 bln", "asserted"),
    # a title-case "After" opens a clause of its own, as "after" does
    ("Northwind Takes Over AI Startup Southgate After $1.3B Funding Round", "$1.3B", "asserted"),
    # "weighs" a deal is weighing it
    ("Northwind weighs a $5 billion bid for Southgate", "$5 billion", "rumoured"),
])
def test_headline_shapes(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # pricing a bond is issuing it: a party's act
    ("Northwind prices $26 billion 8-part bond, highlights big M&A financing", "$26 billion", "confirmed"),
    # a party that boosts (bolsters, expands) a business with a deal does the deal
    ("Northwind boosts heart device business with $12.5 bln Southgate Medical deal", "$12.5 bln", "confirmed"),
    ("Northwind bolstered its cancer pipeline with a $43 billion acquisition.", "$43 billion", "confirmed"),
    # (not a price that is no bond's, nor a boost by a figure with no deal)
    ("Northwind boosts sales with $2 billion of new orders", "$2 billion", "asserted"),
])
def test_pricing_a_bond_and_growing_by_a_deal(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # walking away from a deal, ending it, extending an offer: a party's acts on the deal
    ("In July, Northwind, the world’s biggest toolmaker, walked away from a $44 billion deal to buy Southgate "
     "after failing to win approval.", "$44 billion", "confirmed"),
    ("In January, Northwind ended its $1.2 billion deal to buy smaller rival Eastbay.", "$1.2 billion", "confirmed"),
    ("Northwind scrapped its $1.2 billion deal to buy Eastbay.", "$1.2 billion", "confirmed"),
    ("This is the fifth time the company is extending the purchase offer of Southgate in a proposed deal of "
     "$44 billion.", "$44 billion", "confirmed"),
    # (a gerund in a time clause after the main act is no act on the deal it names)
    ("Northwind will write off $1.3bn after walking away from a $60bn deal to acquire Southgate.", "$60bn",
     "asserted"),
    # a stake kept, a charge to be taken, an order of a regulator: acts
    ("The company spun off Southgate in 2016 and retained a 12% stake.", "12%", "confirmed"),
    ("Northwind will maintain a minority share of 14.5% in the company.", "14.5%", "confirmed"),
    ("Northwind to take $1.47 bln goodwill impairment charge related to Southgate in Q2", "$1.47 bln", "confirmed"),
    ("The Federal Trade Commission on April 3 ordered Northwind to divest Southgate, saying the $7.1 billion "
     "deal would stifle competition.", "$7.1 billion", "confirmed"),
    # (a state told in a relative clause is no act: "which still retains")
    ("Southgate, which still retains about a third of its staff, will receive around $25 million.",
     "$25 million", "asserted"),
])
def test_more_acts_on_a_deal(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a deal "long rumoured" is done now: the adjective tells its past, no rumour of the figure
    ("In a long-rumored move, Northwind will buy Southgate for $47 billion in a mega merger.", "$47 billion",
     "confirmed"),
    # "negotiating leverage" is a noun's, no negotiation under way
    ("Two years ago, it bought a smaller peer, Eastbay, for $11.8 billion to gain scale and negotiating leverage "
     "with customers.", "$11.8 billion", "confirmed"),
    # the basis of a reckoning after "given" is its own clause: the condition and the modal before it do not reach it
    ("If completed, a deal could be valued at more than $30 billion, given Southgate's market value of roughly "
     "$28 billion as of Wednesday's close.", "$28 billion", "asserted"),
    # a purpose after "as a step to" is its own clause: the act before it is not about the figure in it
    ("Northwind raised its bid to $127.50 per share, as a step to shield itself from a hostile takeover bid of "
     "$121 billion from Eastbay.", "$121 billion", "asserted"),
])
def test_adjectives_nouns_and_clauses_that_hedge_nothing(lex: Lexicons, sentence: str, figure: str,
                                                         expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # enforcers (plural), a union "is ordering", "the 27-nation bloc": a regulator acting on the deal
    ("U.S. antitrust enforcers sued to block Northwind Inc.'s $7 billion acquisition of Southgate.", "$7 billion",
     "confirmed"),
    ("The European Union is ordering Northwind to undo its $7.1 billion purchase of Southgate.", "$7.1 billion",
     "confirmed"),
    ("The 27-nation bloc already slapped a $475 million fine on Northwind over the summer.", "$475 million",
     "confirmed"),
    # a possessor spelt with a bare apostrophe ("Harris' plans") names plans, as "Harris's plans" does
    ("Harris' plans to buy Southgate for $35B falls on UK regulatory radar", "$35B", "asserted"),
    # "put up a strong opposition" is no money put up
    ("Southgate stakeholders put up a strong opposition with regards to Northwind's $110 per share offer.", "$110",
     "asserted"),
    # revenues "totaling" a figure in the future tense are a forecast of them
    ("The companies expect the transaction, which will create a combined company with annual revenues totaling "
     "more than $30 billion, to be completed by the end of the year.", "$30 billion", "rumoured"),
])
def test_regulators_possessors_and_future_takings(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure, parties=PARTIES | {"harris"}) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "in a deal that would value Y at ...": the deal's "would" is a prediction, not the speaker's commitment
    ("Southgate announced an agreement to be acquired by Northwind in a deal that would value Southgate at about "
     "$38 billion.", "$38 billion", "rumoured"),
    # (the speaker's own "would" still is one)
    ("Northwind said it would pay $38 billion for Southgate.", "$38 billion", "confirmed"),
    # the hearsay a move follows ("on reports", "on rumors") holds no act of a party, nor a rumour of the move
    ("Shares of Northwind are still gaining, up around 2% in midday trading on reports the company is in talks to "
     "acquire Southgate.", "2%", "asserted"),
    ("Shares of Northwind have fallen 9 percent from the open and 23 percent from the intraday high on rumors the "
     "company will acquire Southgate.", "23 percent", "asserted"),
])
def test_a_deals_prediction_and_the_hearsay_a_move_follows(lex: Lexicons, sentence: str, figure: str,
                                                           expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a statement's frame ends where a contrasting clause opens in the writer's voice
    ("Northwind has formally announced that it is acquiring Southgate, but as neat as the deal seems, the birth of "
     "a $35 billion toolmaker will have repercussions.", "$35 billion", "asserted"),
    # (up to it, the frame still covers the figure)
    ("Northwind has announced that it is acquiring Southgate for $35 billion, but the deal faces scrutiny.",
     "$35 billion", "confirmed"),
    # a fee due only if a condition after the figure is met is a hypothetical
    ("Southgate will be obligated to pay Northwind a termination fee of $1.25 billion in cash if Southgate enters "
     "into a superior proposal.", "$1.25 billion", "rumoured"),
    # (not a condition opening the next clause after a comma: "..., if you assume that ...")
    ("While, as noted, Southgate had raised over $1.5B, if you assume that a large chunk came from Northwind, there "
     "is less to make whole.", "$1.5B", "confirmed"),
])
def test_contrast_ends_a_frame_and_a_condition_after_the_figure(lex: Lexicons, sentence: str, figure: str,
                                                                expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the tax someone will pay on proceeds is the writer's reckoning of it, a projection
    ("As each of their stakes is under 10%, each of them will pay capital-gains tax of 25% and an additional tax "
     "of 5%, for 30% total tax.", "an additional tax of 5%", "rumoured"),
    ("As each of their stakes is under 10%, each of them will pay capital-gains tax of 25% and an additional tax "
     "of 5%, for 30% total tax.", "30%", "rumoured"),
    # the terms of an agreed divestiture plan are the parties' text, as an agreement's are
    ("Under the initial divestiture plan, announced in September, Eastbay had planned to purchase 413 stores for "
     "$1.9 billion.", "$1.9 billion", "confirmed"),
    # a story passed on "from" an outlet is the outlet's word
    ("- from Reuters (01/16/24) - Northwind to buy Southgate in $35 billion deal", "$35 billion", "reported"),
])
def test_taxes_to_pay_divestiture_terms_and_a_story_from_an_outlet(lex: Lexicons, sentence: str, figure: str,
                                                                   expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # "in the region of", "in the neighborhood of": a rough guess, an estimate
    ("Each engineer is valued in the region of $20m.", "$20m", "rumoured"),
    ("For the two tools, it was in the neighborhood of 60% to 70%.", "60%", "rumoured"),
    # (a plain approximation is no estimate)
    ("Northwind paid about $20m for the unit.", "$20m", "confirmed"),
])
def test_a_rough_guess_is_an_estimate(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a headline's "X Said to Be Near ..." credits hearsay, as "X is said to be near" does (no statement of X)
    ("Northwind Said to Be Near $5 Billion Deal to Buy Southgate", "$5 Billion", "reported"),
    ("Northwind said to weigh $2 billion bid for Southgate", "$2 billion", "reported"),
    # ("said to" a person is a statement)
    ("Northwind said to analysts it will pay $2 billion for Southgate.", "$2 billion", "confirmed"),
    # "per" before a name and its ticker and "share" counts shares, it credits no outlet
    ("Northwind is paying $53 per Southgate SGT.O share.", "$53", "confirmed"),
    ("Northwind is paying $53 per Southgate Group share.", "$53", "confirmed"),
    # a party that "is terminating" a deal acts on it
    ("Northwind is terminating a $5.4 billion agreement to acquire Southgate.", "$5.4 billion", "confirmed"),
])
def test_said_to_be_a_share_counted_per_name_and_terminating(lex: Lexicons, sentence: str, figure: str,
                                                             expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a price or a move the market made is the writer's plain statement of market data, whoever the ticker names
    ("SGT closed Monday regular trading at $33.13 down $0.67 or 1.98%.", "$33.13", "asserted"),
    ("SGT closed Monday regular trading at $33.13 down $0.67 or 1.98%.", "1.98%", "asserted"),
    # (an act in a relative clause about the company is not what moved its shares)
    ("Shares of Southgate, which specializes in making analog chips, soared nearly 53% in extended trading "
     "while Northwind was down 0.8%.", "nearly 53%", "asserted"),
    ("Shares of Southgate, which specializes in making analog chips, soared nearly 53% in extended trading "
     "while Northwind was down 0.8%.", "0.8%", "asserted"),
    # (shares that moved on a party's act: the act's own figure is still the party's)
    ("Northwind shares gained ground Wednesday, on word it agreed to buy Southgate for about $14 billion.",
     "about $14 billion", "confirmed"),
])
def test_a_market_move_is_no_act_of_a_party(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a title-cased act word right after a figure and a name is the deal told as a noun, no verb of a party
    ("Northwind CEO Predicts Smooth Regulatory OK for $5.4B Southgate Buy", "$5.4B", "asserted"),
    # (a verb with its object after it is a verb: a relative clause with its "that" left out)
    ("Southgate shares are worth less than the nearly $20 billion Northwind valued its stake at in October.",
     "nearly $20 billion", "confirmed"),
    # a clause that opens with ", as" and a new subject and verb is its own clause: the plan before it is not its
    ("Despite Southgate being set to receive a $353 million fee, the stock fell anyway, as Northwind had offered "
     "the company a lofty $54 per share.", "$54", "confirmed"),
])
def test_a_deal_noun_after_a_figure_and_a_clause_opened_by_as(lex: Lexicons, sentence: str, figure: str,
                                                               expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a regulator that appeals, or dismisses its own appeal, acts on the deal (as one that sues to block it does)
    ("U.S. antitrust regulators appealed a loss in their attempt to block Northwind's $8 billion takeover of "
     "Southgate.", "$8 billion", "confirmed"),
    ("The U.S. Justice Department has dismissed its own appeal challenging Northwind’s nearly $8 billion "
     "acquisition of Southgate.", "nearly $8 billion", "confirmed"),
    # a state named by its country decides on the deal ...
    ("UK Approves Northwind’s $6.4 Billion Acquisition of Southgate", "$6.4 Billion", "confirmed"),
    # ... but only a decision of the state is an act on it
    ("The UK spent $5 billion on Southgate jets last year.", "$5 billion", "asserted"),
])
def test_a_regulator_appealing_and_a_state_deciding(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # the deal named by "the" and its price is a mention: a modal before it governs another verb, not its price
    ("Regulators may object to the $5 billion merger between Northwind and Southgate.", "$5 billion", "asserted"),
    ("Critics say divestitures meant to address competition concerns can't fix the $13.8 billion merger's "
     "likely illegalities.", "$13.8 billion", "asserted"),
    # (a figure that names no deal stays under the modal)
    ("Northwind could pay the $2 billion fee next year.", "$2 billion", "rumoured"),
])
def test_a_deal_named_by_the_and_its_price_is_a_mention(lex: Lexicons, sentence: str, figure: str,
                                                         expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a party's officer who "noted" something on a call states it, as one who "said" it does
    ("Vance noted on the earnings call that an 8% drop in revenue drove the loss.", "8%", "confirmed"),
    # (the writer's "as noted" is no one's statement)
    ("As noted above, an 8% drop in revenue drove the loss.", "8%", "asserted"),
])
def test_a_party_that_noted_something_states_it(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a second predicate coordinated after the figure tells another act of the subject, not one about the figure
    ("It currently holds 14.5% of Southgate's outstanding shares and will buy the remainder as part of the "
     "transaction.", "14.5%", "asserted"),
    # (an act before the figure is still the figure's)
    ("Northwind bought 14.5% of Southgate's shares last year and will buy the remainder.", "14.5%", "confirmed"),
])
def test_a_coordinated_predicate_after_the_figure(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a relative clause of what is now states a present fact; an analyst's word elsewhere is not about it
    ("In a research note, Acme analysts Jane Roe and John Doe wrote that the deal will expand Northwind's provider "
     "business, which currently represents just 35% of its revenue.", "35%", "asserted"),
    # (talks in the sentence still reach a figure that is no present fact)
    ("Northwind is in talks to buy Southgate, which would make 35% of its revenue.", "35%", "rumoured"),
])
def test_a_present_fact_in_a_relative_clause(lex: Lexicons, sentence: str, figure: str, expected: str) -> None:
    assert stance(lex, sentence, figure) == expected
