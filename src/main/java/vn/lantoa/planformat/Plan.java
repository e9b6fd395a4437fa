package vn.lantoa.planformat;

import java.util.List;

/**
 * Kế hoạch: one plan in the {@code lantoa.plan/1} interchange format — what the importer reads out of a document, what
 * the exporter writes and what the HTTP API serves. A field the document does not state is null (or empty), never
 * guessed; what was inferred goes with a {@link Warning}.
 *
 * @param document    the document's own header: kind, number, symbol, date, issuer, title, signer
 * @param bases       the documents this one implements (the "Căn cứ" / "Thực hiện" opening)
 * @param citations   every other document cited in the body, once each
 * @param events      the events the plan's times refer to (congresses, anniversaries)
 * @param phases      the phases (đợt, giai đoạn) in document order, sub-phases nested
 * @param channels    the channels (hình thức tuyên truyền)
 * @param themes      the themes (chủ đề)
 * @param slogans     the slogans (khẩu hiệu)
 * @param assignments the units and their tasks (tổ chức thực hiện), in document order
 * @param reporting   the reporting duties (chế độ báo cáo)
 * @param recipients  the "Nơi nhận" list
 * @param warnings    what a person should look at
 */
public record Plan(DocumentHeader document, List<DocumentRef> bases, List<DocumentRef> citations, List<Event> events,
        List<Phase> phases, List<Channel> channels, List<String> themes, List<String> slogans,
        List<Assignment> assignments, List<ReportingDuty> reporting, List<String> recipients, List<Warning> warnings) {

    /** The value of the {@code format} member of every plan. */
    public static final String FORMAT = "lantoa.plan/1";

    public Plan {
        document = document == null ? DocumentHeader.EMPTY : document;
        bases = Lists.copy(bases);
        citations = Lists.copy(citations);
        events = Lists.copy(events);
        phases = Lists.copy(phases);
        channels = Lists.copy(channels);
        themes = Lists.copy(themes);
        slogans = Lists.copy(slogans);
        assignments = Lists.copy(assignments);
        reporting = Lists.copy(reporting);
        recipients = Lists.copy(recipients);
        warnings = Lists.copy(warnings);
    }

    /** The same plan with more warnings. */
    public Plan withWarnings(List<Warning> more) {
        return new Plan(document, bases, citations, events, phases, channels, themes, slogans, assignments, reporting,
                recipients, Lists.concat(warnings, more));
    }
}
