package dev.stride.kit.web;

import org.springframework.http.ProblemDetail;

import dev.stride.contracts.ErrorCode;

/** Thrown by a service to answer with a specific problem detail, e.g. 404 or 409 with our code. */
public class StrideProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public StrideProblemException(ErrorCode code, String detail) {
        super(detail);
        this.problem = Problems.of(code, detail);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static StrideProblemException notFound(String what) {
        return new StrideProblemException(ErrorCode.NOT_FOUND, what + " was not found.");
    }
}
