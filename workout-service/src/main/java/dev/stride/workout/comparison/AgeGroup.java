package dev.stride.workout.comparison;

/**
 * Age groups of the comparison cohort. Only the birth year is known, so the age is the period's
 * year minus the birth year (the age reached during that year).
 */
enum AgeGroup {
    UNDER_20("under-20", 0, 19), AGE_20_29("20-29", 20, 29), AGE_30_39("30-39", 30, 39),
    AGE_40_49("40-49", 40, 49), AGE_50_59("50-59", 50, 59), AGE_60_69("60-69", 60, 69),
    AGE_70_PLUS("70-plus", 70, 200);

    private final String wireName;
    private final int minAge;
    private final int maxAge;

    AgeGroup(String wireName, int minAge, int maxAge) {
        this.wireName = wireName;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    String wireName() {
        return wireName;
    }

    int earliestBirthYear(int year) {
        return year - maxAge;
    }

    int latestBirthYear(int year) {
        return year - minAge;
    }

    /** @return null when {@code value} names no group */
    static AgeGroup fromWire(String value) {
        for (AgeGroup group : values()) {
            if (group.wireName.equals(value)) {
                return group;
            }
        }
        return null;
    }
}
