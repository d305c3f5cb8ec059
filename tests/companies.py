"""A company of twelve teams with long names and titles, in Swedish and English: what stretches a page.

Its strategy has five strategic objectives of five key results; a team's plan has up to five objectives of
five key results, each with every field a team can fill in, long, and four weekly check-ins.
"""

import datetime as dt

from okrxl.core.model import (
    Carried,
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
)

SV_TITLES = (
    "Förbättra kundupplevelsen genom att digitalisera hela faktureringsflödet för företagskunder",
    "Minska ledtiden från beställning till leverans för alla nordiska marknader",
    "Bygg en självbetjäningsportal som kunderna faktiskt vill använda varje vecka",
    "Säkerställ att informationssäkerhetsarbetet certifieras enligt ISO 27001",
    "Öka andelen återkommande intäkter från abonnemangstjänster",
)
EN_TITLES = (
    "Improve the customer experience by digitalising the whole invoicing flow for business customers",
    "Shorten the lead time from order to delivery across every Nordic market",
    "Build a self-service portal that customers genuinely want to use every week",
    "Make sure our information security management is certified to ISO 27001",
    "Grow the share of recurring revenue from subscription services",
)
SV_TEAMS = (
    "Kundupplevelse och digital självservice", "Ekonomi, fakturering och betalningsflöden",
    "Logistik och leveransplanering Norden", "Informationssäkerhet och efterlevnad",
    "Produktutveckling för företagskunder", "Försäljning till offentlig sektor",
)  # fmt: skip
EN_TEAMS = (
    "Customer Experience and Digital Self-Service", "Finance, Invoicing and Payment Flows",
    "Nordic Logistics and Delivery Planning", "Information Security and Compliance",
    "Product Development for Business Customers", "Sales to the Public Sector",
)  # fmt: skip
QUARTER = Quarter(2028, 2)
AS_OF = dt.date(2028, 5, 1)
"""A date after the plans' four check-ins."""


def long_strategy(lang: str) -> Strategy:
    titles, names = (SV_TITLES, SV_TEAMS) if lang == "sv" else (EN_TITLES, EN_TEAMS)
    objectives = tuple(
        Objective(
            id=f"S{o}",
            title=titles[o - 1],
            owner="Charlotte Lindqvist-Bergström",
            key_results=tuple(
                KeyResult(
                    id=f"S{o}.{k}",
                    title=f"{titles[(o + k) % 5]} ({k})",
                    kind=KeyResultKind.INCREASE,
                    unit="procentenheter",
                    baseline=10 * k,
                    target=20 * k,
                    owner="Maximilian Östergren",
                )
                for k in range(1, 6)
            ),
        )
        for o in range(1, 6)
    )
    teams = tuple(Team(id=f"team-{i:02d}", name=f"{names[i % 6]} {i}", lead="Anna-Karin Söderström") for i in range(12))
    return Strategy(
        company="Nordiska Digitala Kommunikationstjänster i Göteborg AB",
        vision=" ".join(titles),
        mission=" ".join(reversed(titles)),
        year=QUARTER.year,
        method=Method(cadence_weeks=1),  # a check-in column every week: the widest sheets
        teams=teams,
        objectives=objectives,
    )


def long_plan(strategy: Strategy, team: Team, lang: str, *, objectives: int = 5, key_results: int = 5) -> TeamQuarter:
    """`team`'s plan of `objectives` objectives of `key_results` key results each (at most five of each)."""
    titles = SV_TITLES if lang == "sv" else EN_TITLES
    dates = QUARTER.check_in_dates(cadence_weeks=strategy.method.cadence_weeks)
    note = titles[2] + ". " + titles[3]

    def kr(o: int, k: int) -> KeyResult:
        committed = k % 2 == 0
        return KeyResult(
            id=f"O{o}.{k}", title=f"{titles[(o * k) % 5]}, {titles[(o + k) % 5].lower()}", kind=KeyResultKind.INCREASE,
            commitment=Commitment.COMMITTED if committed else Commitment.ASPIRATIONAL, unit="kundnöjdhetspoäng",
            baseline=12.5, target=87.5, owner="Maximilian Östergren-Lindqvist", feeds=f"S{o}.{k}",
            depends_on=(Dependency(key_result_id=f"team-{(o + k) % 12:02d}.O{k}.{o}", needed_by=dt.date(2028, 5, 15)),),
            check_ins=tuple(CheckIn(date=d, value=12.5 + 5 * i, confidence=Confidence.BEHIND if i == 3 else None,
                                    note=note if i == 3 else None) for i, d in enumerate(dates[:4])),
            miss_reason=titles[4] if committed else None, comment=titles[(o + 2 * k) % 5],
            carried=Carried(quarter=Quarter(2028, 1), id=f"O{k}.{o}", score=0.35) if k == 5 else None,
        )  # fmt: skip

    return TeamQuarter(
        team=team,
        quarter=QUARTER,
        objectives=tuple(
            Objective(
                id=f"O{o}",
                title=titles[o - 1],
                owner="Anna-Karin Söderström",
                aligned_to=(f"S{o}", f"S{6 - o}"),
                key_results=tuple(kr(o, k) for k in range(1, key_results + 1)),
            )
            for o in range(1, objectives + 1)
        ),
    )
