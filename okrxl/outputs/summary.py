"""A quarter's status as plain text for the terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from okrxl.core.alignment import Gap, latest_scheduled_check_in, missed_check_ins
from okrxl.core.model import KeyResult, KeyResultKind, Lang
from okrxl.core.personal import TeamPeople
from okrxl.core.scoring import GRADE_WORDS, STATUS_WORDS, Grade, KeyResultAssessment, elapsed_share, shown_score
from okrxl.core.status import QuarterStatus
from okrxl.core.words import NOUNS, SEVERITY_WORDS, Words, decimal
from okrxl.core.words import counted as words_counted
from okrxl.excel.folder import FolderReading, plan_gaps

TITLE_WIDTH = 56

# Every word the terminal shows, in both languages, by key (the workbook's language picks one).
TEXT: dict[str, Words] = {k: Words(*v) for k, v in {
    "heading": ("{company} · {quarter} ({start} till {end}) · per {as_of}, {share} av kvartalet",
                "{company} · {quarter} ({start} to {end}) · as of {as_of}, {share} of the quarter"),
    "vision": ("Vision:  {text}", "Vision:  {text}"), "mission": ("Mission: {text}", "Mission: {text}"),
    "strategy": ("Strategi: mätt (mot året) och buret (av teamen detta kvartal)",
                 "Strategy: measured (against the year) and carried (by the teams this quarter)"),
    "measured": ("mätt", "measured"), "carried": ("buret", "carried"),
    "team": ("{name} ({id}), ledare {lead}: poäng {score} {grade}, {status}",
             "{name} ({id}), lead {lead}: score {score} {grade}, {status}"),
    "not_aligned": ("(stödjer inget)", "(not aligned)"),
    "note": ("  anteckning: {note}", "  note: {note}"),
    "gaps": ("Luckor ({count})", "Gaps ({count})"),
    "shares": ("Andel som stödjer strategin {aligned} · täckning {coverage}",
               "Aligned share {aligned} · coverage {coverage}"),
    "stale": ("inaktuell", "stale"),
    "done": ("{share} klart", "{share} done"),
    "missed": ("Saknar värde från avstämningen {date}:", "Missed the check-in of {date}:"),
    "ok": ("ok", "ok"),
    "team_file": ("team {team}, {quarter}", "team {team}, {quarter}"),
    "personal_file": ("{person} i team {team}, {quarter}", "{person} in team {team}, {quarter}"),
    "strategy_file": ("strategi", "strategy"), "unreadable_file": ("oläsbar", "unreadable"),
    "gap": ("lucka", "gap"),
    "file_note": ("obs: {note}", "note: {note}"),
    "checked": ("{files} kontrollerade: {good} läsbara utan fel, {bad} med fel",
                "{files} checked: {good} readable without errors, {bad} with errors"),
    "read": ("{company} · {quarter} · per {as_of}: läste {teams}",
             "{company} · {quarter} · as of {as_of}: read {teams}"),
    "unusable": (", {count} kunde inte användas", ", {count} could not be used"),
    "cell_problems": ("  {problems} i cellerna i filerna som lästes (okrxl check visar dem)",
                      "  {problems} in cells of the files read (okrxl check shows them)"),
    "gap_line": ("Andel som stödjer strategin {aligned} · täckning {coverage} · luckor: {errors}, {warnings}, "
                 "{infos} info",
                 "Aligned share {aligned} · coverage {coverage} · gaps: {errors}, {warnings}, {infos} info"),
    "personal": ("    personliga OKR: {carried} av {count} objectives bärs",
                 "    personal OKRs: {carried} of {count} objectives carried"),
    "personal_none": ("    personliga OKR", "    personal OKRs"),
    "personal_missed": ("ej avstämt: {names}", "not checked in: {names}"),
    "personal_no_workbook": ("ingen arbetsbok: {names}", "no workbook: {names}"),
    "personal_all": ("alla har stämt av", "everyone has checked in"),
    "personal_read": (" och {count} personliga", " and {count} personal ones"),
    "personal_year": ("    personliga OKR (andel av objectives som bärs · personer)",
                      "    personal OKRs (share of objectives carried · people)"),
}.items()}  # fmt: skip


def counted(count: int, noun: str, lang: Lang = "en") -> str:
    """`1 error`, `2 errors` (`1 fel`, `2 fel`): a count with its noun in the right number."""
    return words_counted(count, *NOUNS[noun])(lang)


def _outside_the_quarter(status: QuarterStatus, lang: Lang) -> list[str]:
    return [status.outside(lang)] if status.outside else []


def render_summary(status: QuarterStatus, lang: Lang = "en") -> str:
    """The whole quarter for the terminal: strategy, each team's objectives and key results, gaps."""
    t = _texts(lang)
    strategy, assessment = status.strategy, status.assessment
    period = assessment.period
    elapsed = elapsed_share(period, status.as_of)
    lines = [
        t("heading", company=strategy.company, quarter=status.quarter, start=period.start, end=period.end,
          as_of=status.as_of, share=_percent(elapsed)),
        *_outside_the_quarter(status, lang),
        t("vision", text=strategy.vision),
        t("mission", text=strategy.mission),
        "",
        t("strategy"),
    ]  # fmt: skip
    for measured, carried in assessment.strategic_objectives():
        objective = measured.objective
        lines.append(
            f"  {objective.id:<6}{_title(objective.title, TITLE_WIDTH + 14)}"
            f"  {t('measured')} {_score(measured.score, lang)}  {t('carried')} {_score(carried, lang)}"
        )
        lines += [_key_result_line(kr_assessed, lang) for kr_assessed in measured.key_results]
    for team in assessment.teams:
        plan = team.plan
        lines += [
            "",
            t("team", name=plan.team.name, id=plan.team.id, lead=plan.team.lead or "-",
              score=_score(team.score, lang), grade=_grade(team.grade, lang), status=STATUS_WORDS[team.status](lang)),
        ]  # fmt: skip
        for assessed in team.objectives:
            objective = assessed.objective
            aligned = f" -> {', '.join(objective.aligned_to)}" if objective.aligned_to else f" -> {t('not_aligned')}"
            lines.append(
                f"  {objective.id:<6}{_title(objective.title + aligned, TITLE_WIDTH + 18)}"
                f"{_score(assessed.score, lang):>6}  {_grade(assessed.grade, lang):<7}"
                f"{STATUS_WORDS[assessed.status](lang)}"
            )
            lines += [_key_result_line(kr_assessed, lang) for kr_assessed in assessed.key_results]
        lines += [t("note", note=note) for note in plan.notes]
    scheduled = latest_scheduled_check_in(strategy, status.quarter, status.as_of)
    if missed := missed_check_in_lines(scheduled, status.gaps, lang):
        lines += ["", *missed]
    lines += ["", t("gaps", count=len(status.gaps))]
    for gap in status.gaps:
        lines.append(f"  {SEVERITY_WORDS[gap.severity](lang):<8}{gap.code:<21}{gap.where:<16}{gap.text(lang)}")
    lines += ["", t("shares", aligned=_percent(status.aligned_share), coverage=_percent(status.coverage))]
    return "\n".join(lines) + "\n"


def _texts(lang: Lang):
    return lambda key, **values: TEXT[key](lang).format(**values)


def _key_result_line(assessed: KeyResultAssessment, lang: Lang) -> str:
    kr = assessed.key_result
    flags = f" {TEXT['stale'](lang)}" if assessed.stale else ""
    return (
        f"    {kr.id:<6}{_title(kr.title, TITLE_WIDTH)}{_progress_text(kr, assessed, lang):>16}"
        f"{_score(assessed.score, lang):>6}  {_grade(assessed.grade, lang):<7}{STATUS_WORDS[assessed.status](lang)}"
        f"{flags}"
    )


def _progress_text(kr: KeyResult, assessed: KeyResultAssessment, lang: Lang) -> str:
    """`12 / 5 %` for metrics, `35 % done` for milestones, `-` with no check-in."""
    if kr.kind.is_completion:
        return "-" if assessed.current is None else TEXT["done"](lang).format(share=_percent(assessed.current))
    current = "-" if assessed.current is None else decimal(assessed.current, "g")(lang)
    target = "?" if kr.target is None else decimal(kr.target, "g")(lang)
    unit = f" {kr.unit}" if kr.unit and kr.kind is not KeyResultKind.COUNT else ""
    return f"{current} / {target}{unit}"


def _title(text: str, width: int) -> str:
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def _score(score: float | None, lang: Lang = "en") -> str:
    return "  -  " if score is None else decimal(shown_score(score), ".2f")(lang)


def _grade(grade: Grade | None, lang: Lang) -> str:
    return GRADE_WORDS[grade](lang) if grade else ""


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def render_check(reading: FolderReading, *, as_of: dt.date | None = None, lang: Lang = "en") -> str:
    """Problems file by file, a one-line verdict per file, the plan's gaps under its problems, then what is
    wrong between the files and who missed the latest check-in (gaps judged at `as_of`, default today). The
    people's own workbooks follow their team's."""
    t = _texts(lang)
    gaps = plan_gaps(reading, as_of=as_of)
    lines = []
    first: dict[str, int] = {}  # the place of each team's workbook
    for index, result in enumerate(reading.files):
        if result.kind == "team":
            first.setdefault(result.team.team_id, index)
    placed = sorted(enumerate(reading.files), key=lambda item: (first.get(item[1].team.team_id, item[0]), 1)
                    if item[1].kind == "personal" else (item[0], 0))  # fmt: skip
    for _, result in placed:
        counts = [counted(n, noun, lang) for n, noun in ((result.errors, "error"), (result.warnings, "warning")) if n]
        verdict, plan = ", ".join(counts) or t("ok"), gaps.of(result)
        if plan:
            verdict += f", {counted(len(plan), 'gap', lang)}"
        if result.kind == "team":
            what = t("team_file", team=result.team.team_id, quarter=result.team.quarter)
        elif result.kind == "personal":
            what = t("personal_file", person=result.team.person_id, team=result.team.team_id,
                     quarter=result.team.quarter)  # fmt: skip
        else:
            what = t(f"{result.kind}_file")
        lines.append(f"{result.path}: {verdict} ({what})")
        for problem in sorted(result.problems, key=lambda p: p.severity.rank):
            where = f"{problem.cell}  " if problem.cell else ""
            lines.append(f"  {SEVERITY_WORDS[problem.severity](lang):<8}{where}{problem.code}: {problem.text(lang)}")
        for plan_gap in plan:
            gap = plan_gap.gap
            lines.append(f"  {t('gap')} {SEVERITY_WORDS[gap.severity](lang):<8}{plan_gap.cell or gap.where}  "
                         f"{gap.code}: {gap.text(lang)}")  # fmt: skip
    for gap in reading.gaps:
        lines.append(f"{SEVERITY_WORDS[gap.severity](lang):<8}{gap.code}: {gap.text(lang)}")
    lines += missed_check_in_lines(gaps.scheduled, [pg.gap for plan in gaps.by_file.values() for pg in plan], lang)
    lines += [TEXT["file_note"](lang).format(note=note(lang)) for note in reading.notes]
    bad = sum(1 for r in reading.files if r.errors)
    lines.append(t("checked", files=counted(len(reading.files), "file", lang), good=len(reading.files) - bad, bad=bad))
    return "\n".join(lines) + "\n"


def missed_check_in_lines(scheduled: dt.date | None, gaps: Sequence[Gap], lang: Lang = "en") -> list[str]:
    """`Missed the check-in of 2027-02-15:` and a line per team with the key results that did; none when
    no key result did."""
    missed = missed_check_ins(gaps)
    if scheduled is None or not missed:
        return []
    return [
        TEXT["missed"](lang).format(date=scheduled),
        *(f"  {team}: {', '.join(ids)}" for team, ids in missed.items()),
    ]


def render_consolidation(reading: FolderReading, status: QuarterStatus, lang: Lang = "en", notes=()) -> str:
    """The few lines `okrxl consolidate` prints: what was read, the headline numbers, the teams."""
    t = _texts(lang)
    teams = sum(1 for f in reading.files if f.used and f.kind == "team")
    people = sum(1 for f in reading.files if f.used and f.kind == "personal")
    unread = reading.unused
    lines = [
        t("read", company=status.strategy.company, quarter=status.quarter, as_of=status.as_of,
          teams=counted(teams, "team_workbook", lang)) + (t("personal_read", count=people) if people else "")
        + (t("unusable", count=len(unread)) if unread else ""),
        *_outside_the_quarter(status, lang),
        *(note(lang) for note in notes),
    ]  # fmt: skip
    for result in unread:
        why = result.problems[-1].text(lang) if result.problems else result.verdict
        lines.append(f"  {result.path.name}: {why}")
    problems = sum(len(f.problems) for f in reading.files if f.used)
    if problems:
        lines.append(t("cell_problems", problems=counted(problems, "problem", lang)))
    for team in status.assessment.teams:
        lines.append(f"  {team.plan.team.name:<24}{_score(team.score, lang)}  {_grade(team.grade, lang):<7}"
                     f"{STATUS_WORDS[team.status](lang)}")  # fmt: skip
        if status.people is not None and (people := status.people.of(team.plan.team.id)) is not None:
            scheduled = latest_scheduled_check_in(status.strategy, status.quarter, status.as_of)
            lines += _people_lines(people, scheduled, status.people.printed, lang)
    lines += missed_check_in_lines(latest_scheduled_check_in(status.strategy, status.quarter, status.as_of),
                                   status.gaps, lang)  # fmt: skip
    counts = status.gap_counts
    lines.append(t("gap_line", aligned=_percent(status.aligned_share), coverage=_percent(status.coverage),
                   errors=counted(counts.errors, "error", lang), warnings=counted(counts.warnings, "warning", lang),
                   infos=counts.infos))  # fmt: skip
    return "\n".join(lines) + "\n"


def _people_lines(people: TeamPeople, scheduled: dt.date | None, printed: bool, lang: Lang) -> list[str]:
    """`    personliga OKR: 2 av 3 objectives bärs; ej avstämt: Per Ek`: what a team's people's OKRs carry and who
    has not checked in at the `scheduled` check-in (None: before the first); a line per person with score, grade
    and status only where the strategy lets the pages print them (the terminal is as public as a page)."""
    t = _texts(lang)
    parts = [t("personal", carried=len(people.carried), count=len(people.objectives)) if people.objectives
             else t("personal_none")]  # fmt: skip
    if people.missed:
        parts.append(t("personal_missed", names=", ".join(p.name for p in people.missed)))
    if people.without_plan:
        parts.append(t("personal_no_workbook", names=", ".join(p.name for p in people.without_plan)))
    if len(parts) == 1 and scheduled is not None:
        parts.append(t("personal_all"))
    lines = ["; ".join(parts)]
    if printed:
        lines += [f"      {a.plan.person.name:<20}{_score(a.score, lang)}  {_grade(a.grade, lang):<7}"
                  f"{STATUS_WORDS[a.status](lang)}" for a in people.plans]  # fmt: skip
    return lines


def render_year(review, lang: Lang = "en") -> str:
    """The year's team scores by quarter, for the terminal."""
    labels = review.labels
    lines = [f"{review.strategy.company} · {review.strategy.year}: " + ", ".join(labels)]
    lines.append(f"  {'':<24}" + "".join(f"{label:>10}" for label in labels))
    scores = review.team_scores()
    people = {year.team.id: year for year in review.people()}
    for team in review.strategy.teams:
        lines.append(f"  {team.name:<24}" + "".join(f"{_score(score, lang):>10}" for score in scores[team.id].values()))
        if team.id in people:  # the team's personal level: what its people carried, and how many took part
            cells = [_people_cell(people[team.id].quarters.get(label)) for label in labels]
            lines.append(TEXT["personal_year"](lang))
            lines.append(f"  {'':<24}" + "".join(f"{cell:>10}" for cell in cells))
    return "\n".join(lines) + "\n"


def _people_cell(team: TeamPeople | None) -> str:
    """`100% · 3`: the share of the team's objectives its people carried, and how many people have a plan."""
    if team is None:
        return "–"
    return f"{_percent(team.carried_share)} · {len(team.plans)}"
