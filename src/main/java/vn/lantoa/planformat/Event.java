package vn.lantoa.planformat;

import java.time.LocalDate;

/**
 * Sự kiện: what a plan's times are relative to (a congress, an anniversary). Its dates are often unknown when the plan
 * is written; the phases tied to it move when they are set.
 *
 * @param name  the name, as the document writes it in full
 * @param start the first day, when known
 * @param end   the last day, when known
 */
public record Event(String name, LocalDate start, LocalDate end) {
}
