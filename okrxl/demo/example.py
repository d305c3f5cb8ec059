"""The built-in example: Digital Posthantering AB (DPAB), its strategy and its teams' 2027-Q1 OKRs.

Every objective and key result is the story's (shared/DOMAIN.md), titles in Swedish as written
there or in English. The story gives no baselines, owners below objective level, or check-in
values: those are invented, plausibly, so that the example shows every status at its own date
(`AS_OF`): done, on-track, behind, at-risk, overdue, and two stale key results.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from okrxl.core.model import (
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    Initiative,
    InitiativeState,
    KeyResult,
    KeyResultKind,
    Lang,
    Objective,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
)

QUARTER = Quarter(2027, 1)
AS_OF = dt.date(2027, 2, 15)
"""The example's own date: the check-in of 15 February 2027, halfway through Q1."""

_INC, _DEC, _CNT, _PCT, _MS = (
    KeyResultKind.INCREASE,
    KeyResultKind.DECREASE,
    KeyResultKind.COUNT,
    KeyResultKind.PERCENT,
    KeyResultKind.MILESTONE,
)
_ON, _BEHIND, _AT_RISK = Confidence.ON_TRACK, Confidence.BEHIND, Confidence.AT_RISK


def _d(month: int, day: int) -> dt.date:
    return dt.date(2027, month, day)


def _checks(*values: tuple[int, int, float], confidence: Confidence | None = None, note: str | None = None):
    """(month, day, value) check-ins; the team's confidence and note go with the newest one.

    A team workbook holds one confidence and one note per key result, which the team updates at each
    check-in, so the example gives them only for the newest check-in (and the files read back the same).
    """
    *older, (month, day, value) = values
    return (
        *(CheckIn(date=_d(m, d), value=v) for m, d, v in older),
        CheckIn(date=_d(month, day), value=value, confidence=confidence, note=note),
    )


def _text(lang: Lang, sv: str, en: str) -> str:
    return sv if lang == "sv" else en


def dpab_strategy(lang: Lang = "sv") -> Strategy:
    """DPAB's strategy for 2027: vision, mission, the three teams and the strategic OKRs."""
    t = lambda sv, en: _text(lang, sv, en)  # noqa: E731
    return Strategy(
        company="Digital Posthantering AB",
        vision=t(
            "Snabb och miljövänlig kommunikation genom pappersfri post",
            "Fast and environment-friendly communication through paperless mail",
        ),
        mission=t(
            "Att vara den föredragna partnern i digitalisering av kommunikation",
            "To be the preferred partner in the digitalisation of communication",
        ),
        year=2027,
        teams=(
            Team(id="marketing", name=t("Marknad", "Marketing"), lead="Mats"),
            Team(id="sales", name=t("Försäljning", "Sales"), lead="Fredrika"),
            Team(id="production", name=t("Produktion", "Production"), lead="Pernilla"),
        ),
        objectives=(
            Objective(
                id="S1",
                title=t("Kommande år vårt starkaste tillväxtår någonsin", "Next year our strongest growth year ever"),
                owner="Vilma",
                key_results=(
                    KeyResult(
                        id="S1.1",
                        title=t("20 MSEK försäljning till nya kunder", "20 MSEK sales to new customers"),
                        kind=_INC,
                        commitment=Commitment.COMMITTED,
                        unit="MSEK",
                        baseline=0,
                        target=20,
                        owner="Fredrika",
                        check_ins=_checks((1, 18, 0.6), (2, 1, 1.3), (2, 15, 2.6)),
                    ),
                    KeyResult(
                        id="S1.2",
                        title=t(
                            "Öka värdet av befintliga kunder med 20%", "Grow the value of existing customers by 20%"
                        ),
                        kind=_PCT,
                        unit="%",
                        baseline=0,
                        target=20,
                        owner="Fredrika",
                        check_ins=_checks((1, 18, 0.5), (2, 1, 1.2), (2, 15, 2.0)),
                    ),
                ),
            ),
            Objective(
                id="S2",
                title=t("Leverera branschens bästa upplevelse", "Deliver the industry's best experience"),
                owner="Pernilla",
                key_results=(
                    KeyResult(
                        id="S2.1",
                        title=t("5% churn", "5% churn"),
                        kind=_DEC,
                        unit="%",
                        baseline=15,
                        target=5,
                        owner="Pernilla",
                        check_ins=_checks((1, 18, 15), (2, 15, 14)),
                    ),
                    KeyResult(
                        id="S2.2",
                        title=t("Rullande 3-månaders NPS på X", "Rolling 3-month NPS of X"),
                        kind=_INC,
                        unit="NPS",
                        owner="Pernilla",
                    ),
                ),
            ),
            Objective(
                id="S3",
                title=t("Marknadstest i Norge", "Market test in Norway"),
                owner="Mats",
                key_results=(
                    KeyResult(
                        id="S3.1",
                        title=t(
                            "10 nya norska kunder innan året är slut", "10 new Norwegian customers before year end"
                        ),
                        kind=_CNT,
                        unit=t("kunder", "customers"),
                        target=10,
                        owner="Fredrika",
                        check_ins=_checks((2, 15, 1)),
                    ),
                    KeyResult(
                        id="S3.2",
                        title=t(
                            "3 validerade säljstrategier för den norska marknaden",
                            "3 validated sales strategies for Norway",
                        ),
                        kind=_CNT,
                        unit=t("strategier", "strategies"),
                        target=3,
                        owner="Mats",
                        check_ins=_checks((2, 15, 0)),
                    ),
                ),
            ),
        ),
    )


def dpab_teams(lang: Lang = "sv") -> tuple[TeamQuarter, ...]:
    """The three teams' Q1 OKRs with invented baselines, owners and check-ins up to 15 February."""
    t = lambda sv, en: _text(lang, sv, en)  # noqa: E731
    teams = {team.id: team for team in dpab_strategy(lang).teams}
    marketing = TeamQuarter(
        team=teams["marketing"],
        quarter=QUARTER,
        objectives=(
            Objective(
                id="O1",
                title=t(
                    "Leverera det marknadsmaterial som behövs för säljtester i Norge",
                    "Deliver the marketing material needed for sales tests in Norway",
                ),
                owner="Per",
                aligned_to=("S3",),
                key_results=(
                    KeyResult(
                        id="O1.1",
                        title=t("Lansera översatt hemsida senast 15/2", "Launch the translated website by 15 Feb"),
                        kind=_MS,
                        due=_d(2, 15),
                        owner="Per",
                        check_ins=_checks((1, 4, 0.1), (1, 18, 0.4), (2, 1, 0.7), (2, 15, 1.0), confidence=_ON),
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t(
                            "Produktkatalog på norska till tryck senast 15/3",
                            "Norwegian product catalogue to print by 15 Mar",
                        ),
                        kind=_MS,
                        due=_d(3, 15),
                        owner="Lina",
                        check_ins=_checks((1, 18, 0.1), (2, 1, 0.2), (2, 15, 0.35), confidence=_ON),
                    ),
                ),
            ),
            Objective(
                id="O2",
                title=t(
                    "Stärk relationen till våra befintliga kunder",
                    "Strengthen the relationship with existing customers",
                ),
                owner="Mats",
                aligned_to=("S2",),
                key_results=(
                    KeyResult(
                        id="O2.1",
                        title=t(
                            "Skicka 3 nyhetsbrev till befintliga kunder med en genomsnittlig öppningsfrekvens om 60%",
                            "Send 3 newsletters to existing customers with 60% average open rate",
                        ),
                        kind=_INC,
                        unit="%",
                        baseline=42,
                        target=60,
                        owner="Johan",
                        check_ins=_checks((1, 18, 48), (2, 15, 51), confidence=_ON),
                    ),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "10% av våra kunder deltar i ett event vi anordnar under kvartalet",
                            "10% of our customers attend an event we host this quarter",
                        ),
                        kind=_PCT,
                        unit="%",
                        target=10,
                        owner="Mats",
                        check_ins=_checks(
                            (1, 18, 0),
                            confidence=_ON,
                            note=t("Eventet planeras till mars", "The event is planned for March"),
                        ),
                    ),
                ),
            ),
            Objective(
                id="O3",
                title=t(
                    "Bygg förtroende för DPAB:s leverans på ett sätt som genererar nya kontakter",
                    "Build trust in DPAB's delivery in a way that generates new contacts",
                ),
                owner="Johan",
                aligned_to=("S1",),
                key_results=(
                    KeyResult(
                        id="O3.1",
                        title=t(
                            "Ta fram ett kampanjkoncept färdigt att lansera 1 februari",
                            "Campaign concept ready to launch 1 Feb",
                        ),
                        kind=_MS,
                        due=_d(2, 1),
                        owner="Johan",
                        check_ins=_checks((1, 4, 0.3), (1, 18, 0.6), (2, 1, 0.8), (2, 15, 0.9), confidence=_BEHIND),
                    ),
                    KeyResult(
                        id="O3.2",
                        title=t(
                            "Nå 1000 beslutsfattare med vårt budskap", "Reach 1,000 decision makers with our message"
                        ),
                        kind=_CNT,
                        unit=t("beslutsfattare", "decision makers"),
                        target=1000,
                        owner="Lina",
                        check_ins=_checks((2, 1, 150), (2, 15, 540), confidence=_ON),
                    ),
                    KeyResult(
                        id="O3.3",
                        title=t(
                            "Generera 100 nya leads genom denna kampanj", "Generate 100 new leads through the campaign"
                        ),
                        kind=_CNT,
                        unit="leads",
                        target=100,
                        owner="Johan",
                        check_ins=_checks((2, 1, 4), (2, 15, 12), confidence=_ON),
                    ),
                ),
            ),
        ),
    )
    sales = TeamQuarter(
        team=teams["sales"],
        quarter=QUARTER,
        objectives=(
            Objective(
                id="O1",
                title=t("Aggressiv försäljningstillväxt", "Aggressive sales growth"),
                owner="Fredrika",
                aligned_to=("S1",),
                key_results=(
                    KeyResult(
                        id="O1.1",
                        title=t(
                            "Fakturering nya kunder uppgår till 4 MSEK", "Invoicing to new customers reaches 4 MSEK"
                        ),
                        kind=_INC,
                        commitment=Commitment.COMMITTED,
                        unit="MSEK",
                        baseline=0,
                        target=4,
                        owner="Fredrika",
                        feeds="S1.1",
                        check_ins=_checks((1, 18, 0.6), (2, 1, 1.3), (2, 15, 2.1), confidence=_ON),
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t(
                            "Merförsäljning om 1,5 MSEK till befintliga kunder",
                            "Upselling of 1.5 MSEK to existing customers",
                        ),
                        kind=_INC,
                        unit="MSEK",
                        baseline=0,
                        target=1.5,
                        owner="Erik",
                        feeds="S1.2",
                        check_ins=_checks((1, 18, 0.1), (2, 1, 0.3), (2, 15, 0.6), confidence=_BEHIND),
                    ),
                ),
            ),
            Objective(
                id="O2",
                title=t("Stå rustade för framtida ökad tillväxttakt", "Be ready for faster growth ahead"),
                owner="Fredrika",
                aligned_to=("S1", "S3"),
                key_results=(
                    KeyResult(
                        id="O2.1",
                        title=t("Rekrytera 2 norska säljare", "Recruit 2 Norwegian sales people"),
                        kind=_CNT,
                        unit=t("säljare", "sales people"),
                        target=2,
                        owner="Fredrika",
                        feeds="S3.1",
                        depends_on=(Dependency(key_result_id="marketing.O1.2", needed_by=_d(2, 15)),),
                        check_ins=_checks(
                            (1, 18, 0),
                            (2, 1, 1),
                            (2, 15, 1),
                            confidence=_BEHIND,
                            note=t("Behöver den norska katalogen", "Needs the Norwegian catalogue"),
                        ),
                    ),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "Plan för merförsäljning redo att sättas i handling 28 februari",
                            "Upselling plan ready to act on by 28 Feb",
                        ),
                        kind=_MS,
                        due=_d(2, 28),
                        owner="Erik",
                        check_ins=_checks((2, 1, 0.3), (2, 15, 0.6), confidence=_ON),
                    ),
                    KeyResult(
                        id="O2.3",
                        title=t(
                            "10 säljare genomgår utbildning i lösningsförsäljning",
                            "10 sales people complete solution-selling training",
                        ),
                        kind=_CNT,
                        unit=t("säljare", "sales people"),
                        target=10,
                        owner="Sara",
                        check_ins=_checks((1, 18, 0), (2, 1, 4), (2, 15, 6), confidence=_ON),
                    ),
                ),
            ),
        ),
    )
    production = TeamQuarter(
        team=teams["production"],
        quarter=QUARTER,
        objectives=(
            Objective(
                id="O1",
                title=t("Felfri hantering", "Flawless handling"),
                owner="Pernilla",
                aligned_to=("S2",),
                key_results=(
                    KeyResult(
                        id="O1.1",
                        title=t("100% av all post går till rätt mottagare", "100% of mail reaches the right recipient"),
                        kind=_PCT,
                        unit="%",
                        baseline=97.2,
                        target=100,
                        owner="Pernilla",
                        feeds="S2.1",
                        check_ins=_checks((1, 18, 97.4), (2, 1, 97.1), (2, 15, 97.6), confidence=_AT_RISK),
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t("100% av all post hanteras", "100% of mail is handled (no letter lost)"),
                        kind=_PCT,
                        unit="%",
                        baseline=99.5,
                        target=100,
                        check_ins=_checks((1, 18, 99.6), (2, 1, 99.6), (2, 15, 99.7), confidence=_BEHIND),
                    ),
                ),
            ),
            Objective(
                id="O2",
                title=t("Överträffa våra kunders förväntningar", "Exceed our customers' expectations"),
                owner="Pernilla",
                aligned_to=("S2",),
                key_results=(
                    KeyResult(
                        id="O2.1",
                        title=t(
                            "30% minskning i snitthanteringstid för ett brev",
                            "30% shorter average handling time per letter",
                        ),
                        kind=_DEC,
                        unit="h",
                        baseline=48,
                        target=33.6,
                        owner="Ahmed",
                        check_ins=_checks((1, 18, 46), (2, 1, 45), (2, 15, 44), confidence=_BEHIND),
                    ),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "Ta fram och leverera rapport om volym och precision för 25 största kunder",
                            "Volume and precision report delivered to the 25 largest customers",
                        ),
                        kind=_CNT,
                        unit=t("kunder", "customers"),
                        target=25,
                        owner="Karin",
                        check_ins=_checks((1, 18, 5)),
                    ),
                    KeyResult(
                        id="O2.3",
                        title=t(
                            "Hämta ett NPS-basvärde genom att fråga 100 kunder",
                            "NPS baseline from asking 100 customers",
                        ),
                        kind=_CNT,
                        unit=t("kunder", "customers"),
                        target=100,
                        owner="Pernilla",
                        feeds="S2.2",
                        check_ins=_checks((2, 1, 30), (2, 15, 100), confidence=_ON),
                    ),
                ),
            ),
        ),
    )
    initiatives = dpab_initiatives(lang)
    plans = (marketing, sales, production)
    return tuple(dataclasses.replace(plan, initiatives=initiatives[plan.team.id]) for plan in plans)


def dpab_initiatives(lang: Lang = "sv") -> dict[str, tuple[Initiative, ...]]:
    """What each team does to move its key results, from the story's planning meeting: production's
    "long, long list of ideas and initiatives" and the initiatives that "bubbled up from the teams".

    Invented, like the check-ins, so that the example shows each state and each initiative gap at
    `AS_OF`: Production's volume report was due 10 February and is still in progress (`initiative-late`),
    and its "all mail handled" key result, behind, has no open initiative (`no-initiative`).
    """
    planned, going, done, dropped = InitiativeState  # in the enum's order

    def i(id: str, sv: str, en: str, owner: str, serves: tuple[str, ...], state, due=None, note=None) -> Initiative:
        return Initiative(id=id, title=_text(lang, sv, en), owner=owner, serves=serves, state=state, due=due,
                          note=_text(lang, *note) if note else None)  # fmt: skip

    return {
        "marketing": (
            i("I1", "Översätt och publicera hemsidan på norska", "Translate and publish the website in Norwegian",
              "Per", ("O1.1",), done, _d(2, 10)),
            i("I2", "Ta fram katalogen med en norsk byrå", "Produce the catalogue with a Norwegian agency",
              "Lina", ("O1.2",), going, _d(3, 10), ("Offert godkänd 8/2", "Quote approved 8 Feb")),
            i("I3", "Boka lokal och talare till kundeventet", "Book the venue and speakers for the customer event",
              "Mats", ("O2.2",), planned, _d(3, 1)),
            i("I4", "LinkedIn-kampanj mot beslutsfattare", "LinkedIn campaign aimed at decision makers",
              "Johan", ("O3.2", "O3.3"), going),
            i("I5", "Nyhetsbrev med kundcase", "Newsletter with customer cases", "Johan", ("O2.1",), going),
        ),
        "sales": (
            i("I1", "Annonsera två säljtjänster i Norge", "Advertise two sales positions in Norway",
              "Fredrika", ("O2.1",), going),
            i("I2", "Kartlägg befintliga kunders behov", "Map existing customers' needs", "Erik", ("O1.2", "O2.2"),
              going),
            i("I3", "Två utbildningsdagar i lösningsförsäljning", "Two days of solution-selling training",
              "Sara", ("O2.3",), planned, _d(3, 20)),
            i("I4", "Mässmonter i Oslo", "A stand at the Oslo trade fair", "Fredrika", ("O2.1",), dropped, None,
              ("Ersätts av LinkedIn-kampanjen", "Replaced by the LinkedIn campaign")),
        ),
        "production": (
            i("I1", "Dubbelkontroll mot adressregistret", "Double check against the address register",
              "Ahmed", ("O1.1",), going),
            i("I2", "Automatisk sortering av inkommande post", "Automatic sorting of incoming mail",
              "Ahmed", ("O2.1",), going, _d(3, 15)),
            i("I3", "Volymrapporten ur befintlig data (Pärs idé)", "The volume report from existing data (Pär's idea)",
              "Pär", ("O2.2",), going, _d(2, 10)),
            i("I4", "Enkät till 100 kunder", "Survey of 100 customers", "Pernilla", ("O2.3",), done, _d(2, 12)),
        ),
    }  # fmt: skip
