package dev.clavis.embedded;

import com.unboundid.ldap.sdk.Entry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A company of any size for benchmarks: exactly {@code people} people, {@code groups} groups and
 * {@code memberships} member values in total, laid out and described like {@link DemoOrganization}.
 *
 * <p>The first people and groups are the demo's own (the personas, {@code all-staff},
 * {@code github-members}, ...), so the bundled demo catalog and the persona emails work against a
 * synthetic directory too; their memberships, though, follow the synthetic distribution. Group
 * sizes fall off like a power law (a few huge groups, many small ones), every group has at least
 * one member, and no group has a member twice. Managers form one tree up to the CEO.
 *
 * <p>Entries are produced one at a time; a group's member list exists only while that group is
 * being produced. Same parameters, same entries.
 */
public final class SyntheticOrganization implements DirectorySeed {

    private static final long SEED = 42L;
    private static final int REPORTS_PER_MANAGER = 8;

    private final int people;
    private final int groups;
    private final long memberships;
    private final Clock clock;
    private final List<DemoPerson> demoPeople;
    private final List<DemoGroup> demoGroups;
    private final int[] groupSizes;

    private SyntheticOrganization(int people, int groups, long memberships, Clock clock) {
        if (people < 1 || groups < 0) {
            throw new IllegalArgumentException("at least one person and no negative number of groups, not "
                    + people + " people and " + groups + " groups");
        }
        if (memberships < groups || memberships > (long) people * groups) {
            throw new IllegalArgumentException("every group needs between one member and everyone: " + groups
                    + " groups of " + people + " people hold between " + groups + " and " + (long) people * groups
                    + " memberships, not " + memberships);
        }
        this.people = people;
        this.groups = groups;
        this.memberships = memberships;
        this.clock = clock;
        List<DemoPerson> allDemoPeople = DemoOrganization.acme().people();
        List<DemoGroup> allDemoGroups = DemoOrganization.acme().groups();
        // A prefix of the demo's people is closed under "manager of": managers come before their reports.
        this.demoPeople = allDemoPeople.subList(0, Math.min(people, allDemoPeople.size()));
        this.demoGroups = allDemoGroups.subList(0, Math.min(groups, allDemoGroups.size()));
        this.groupSizes = GroupSizes.distribute(people, groups, memberships);
    }

    /** For example {@code of(100_000, 20_000, 1_000_000, clock)}; last logins are relative to the clock. */
    public static SyntheticOrganization of(int people, int groups, long memberships, Clock clock) {
        return new SyntheticOrganization(people, groups, memberships, clock);
    }

    public int people() {
        return people;
    }

    public int groups() {
        return groups;
    }

    public long memberships() {
        return memberships;
    }

    /** The uid of person {@code index}, 0 being the CEO. */
    public String personUid(int index) {
        return index < demoPeople.size() ? demoPeople.get(index).uid() : generatedUid(index);
    }

    public String groupName(int index) {
        return index < demoGroups.size() ? demoGroups.get(index).name() : String.format("group-%06d", index);
    }

    /** Base entries, then all people, then all groups, built as the stream is consumed. */
    @Override
    public Stream<Entry> entries() {
        Instant now = clock.instant();
        Iterator<Entry> iterator = new Iterator<>() {
            private int next;
            private final int total = 3 + people + groups;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                if (index < 3) {
                    return Entries.base().get(index);
                }
                if (index < 3 + people) {
                    return person(index - 3, now);
                }
                return group(index - 3 - people);
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(iterator, 3L + people + groups,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    private Entry person(int index, Instant now) {
        if (index < demoPeople.size()) {
            DemoPerson person = demoPeople.get(index);
            return Entries.person(person.fields(), minus(now, person.lastLoginAgo()), minus(now, person.suspendedAgo()));
        }
        Entries.Person person = generated(index);
        var random = new Random(SEED * 1_000_003L + index);
        double roll = random.nextDouble();
        Instant lastLogin = roll < 0.08 ? null
                : roll < 0.18 ? now.minus(Duration.ofDays(91 + random.nextInt(300)))
                : now.minus(Duration.ofMinutes(5 + random.nextInt(30 * 24 * 60)));
        Instant lockedAt = random.nextDouble() < 0.01 ? now.minus(Duration.ofDays(1 + random.nextInt(60))) : null;
        return Entries.person(person, lastLogin, lockedAt);
    }

    private Entries.Person generated(int index) {
        int managerIndex = (index - demoPeople.size()) / REPORTS_PER_MANAGER;
        String department = department(index);
        List<String> titles = AcmeBuilder.TITLES.get(department);
        Random random = nameRandom(index);
        String givenName = Names.GIVEN.get(random.nextInt(Names.GIVEN.size()));
        String surname = Names.SURNAMES.get(random.nextInt(Names.SURNAMES.size()));
        double typeRoll = random.nextDouble();
        String employeeType = typeRoll < 0.06 ? DemoPerson.CONTRACTOR
                : typeRoll < 0.09 ? DemoPerson.INTERN
                : DemoPerson.EMPLOYEE;
        return new Entries.Person(generatedUid(index), givenName, surname, titles.get(random.nextInt(titles.size())),
                department, personUid(managerIndex), employeeType, String.format("SY%07d", index));
    }

    /** Computed on its own, without the rest of the person: a million member values need only this. */
    private static String generatedUid(int index) {
        Random random = nameRandom(index);
        String givenName = Names.GIVEN.get(random.nextInt(Names.GIVEN.size()));
        String surname = Names.SURNAMES.get(random.nextInt(Names.SURNAMES.size()));
        // The index makes the uid unique; demo uids carry no digits, so the two never collide.
        return Names.uid(givenName, surname) + index;
    }

    private static Random nameRandom(int index) {
        return new Random(SEED * 7_919L + index);
    }

    /**
     * A generated person works in the department of the demo person at the top of their branch;
     * branches that start right below the CEO are spread over the departments.
     */
    private String department(int index) {
        int current = index;
        int below = index;
        while (current >= demoPeople.size()) {
            below = current;
            current = (current - demoPeople.size()) / REPORTS_PER_MANAGER;
        }
        if (current == 0 && below >= demoPeople.size()) {
            return DemoOrganization.DEPARTMENTS.get(1 + below % (DemoOrganization.DEPARTMENTS.size() - 1));
        }
        return demoPeople.get(current).department();
    }

    private Entry group(int index) {
        int size = groupSizes[index];
        var random = new Random(SEED * 104_729L + index);
        long start = random.nextInt(people);
        long stride = coprimeStride(random);
        var members = new ArrayList<String>(size);
        for (long j = 0; j < size; j++) {
            // A stride coprime with the number of people visits each person once before repeating.
            members.add(DirectoryLayout.personDn(personUid((int) ((start + j * stride) % people))));
        }
        String description = index < demoGroups.size()
                ? demoGroups.get(index).description()
                : "Synthetic group " + index;
        return Entries.group(groupName(index), description, members);
    }

    private long coprimeStride(Random random) {
        if (people == 1) {
            return 1;
        }
        while (true) {
            long candidate = 1 + random.nextInt(people - 1);
            if (gcd(candidate, people) == 1) {
                return candidate;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static @Nullable Instant minus(Instant now, @Nullable Duration ago) {
        return ago == null ? null : now.minus(ago);
    }
}
