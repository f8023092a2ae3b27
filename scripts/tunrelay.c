/*
 * tunrelay: joins two network namespaces with a TUN device in each and relays IP packets
 * between them, holding each packet for a fixed one-way delay and dropping a set share
 * each way. The test bed uses it where veth cannot add delay or loss (no netem here).
 *
 *   tunrelay PROBER_NETNS_PATH OFFICE_NETNS_PATH DELAY_MS LOSS_PCT
 *
 * Both TUNs are named "link0" (each in its own namespace). The delay is per direction, so a
 * round trip takes 2 x DELAY_MS; loss applies independently each way.
 *
 * Delay is the same for every packet of a direction, so deadlines arrive in send order and a
 * FIFO per direction is an exact timer queue: no per-packet sleep, one ppoll for both ways.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define QUEUE_SIZE 16384 /* packets held per direction; beyond that, new packets drop */
#define MTU_MAX 2048

struct packet { uint64_t due; uint16_t length; unsigned char data[MTU_MAX]; };
struct queue { struct packet *slots; size_t head, count; };

static volatile sig_atomic_t stopping = 0;
static void on_signal(int sig) { (void)sig; stopping = 1; }

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t rng_state;
static double uniform(void) { /* xorshift64*: enough for loss decisions */
    rng_state ^= rng_state >> 12; rng_state ^= rng_state << 25; rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717ull) >> 11) / 9007199254740992.0;
}

static int open_tun_in(const char *netns_path) {
    int ns = open(netns_path, O_RDONLY | O_CLOEXEC);
    if (ns < 0) { perror(netns_path); exit(1); }
    if (setns(ns, CLONE_NEWNET) != 0) { perror("setns"); exit(1); }
    close(ns);
    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) { perror("/dev/net/tun"); exit(1); }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(ifr.ifr_name, "link0", IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) != 0) { perror("TUNSETIFF"); exit(1); }
    return fd;
}

/* Reads every waiting packet from `from` into `q`, dropping `loss` of them. */
static void take(int from, struct queue *q, uint64_t delay, double loss) {
    for (;;) {
        struct packet scratch;
        struct packet *slot = q->count < QUEUE_SIZE ? &q->slots[(q->head + q->count) % QUEUE_SIZE] : &scratch;
        ssize_t n = read(from, slot->data, MTU_MAX);
        if (n <= 0) return;
        if (slot == &scratch || uniform() < loss) continue;
        slot->length = (uint16_t)n;
        slot->due = now_ns() + delay;
        q->count++;
    }
}

/* Writes every packet whose time has come; returns the next due time or 0. */
static uint64_t give(int to, struct queue *q, uint64_t now) {
    while (q->count > 0) {
        struct packet *p = &q->slots[q->head];
        if (p->due > now) return p->due;
        (void)!write(to, p->data, p->length); /* a full TUN queue drops, like a busy link */
        q->head = (q->head + 1) % QUEUE_SIZE;
        q->count--;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s PROBER_NETNS_PATH OFFICE_NETNS_PATH DELAY_MS LOSS_PCT\n", argv[0]);
        return 2;
    }
    /* Drop inherited descriptors: a parent waiting for EOF on one (Foundation's Process does)
       must not wait for the relay's whole life. */
    closefrom(3);
    uint64_t delay = (uint64_t)(atof(argv[3]) * 1e6);
    double loss = atof(argv[4]) / 100.0;
    rng_state = now_ns() ^ ((uint64_t)getpid() << 32) ^ 0x9e3779b97f4a7c15ull;
    int prober = open_tun_in(argv[1]);
    int office = open_tun_in(argv[2]);
    struct queue outbound = { calloc(QUEUE_SIZE, sizeof(struct packet)), 0, 0 };
    struct queue inbound = { calloc(QUEUE_SIZE, sizeof(struct packet)), 0, 0 };
    if (!outbound.slots || !inbound.slots) { perror("calloc"); return 1; }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    printf("ready\n");
    fflush(stdout);
    while (!stopping) {
        uint64_t now = now_ns();
        uint64_t next_out = give(office, &outbound, now);
        uint64_t next_in = give(prober, &inbound, now);
        uint64_t next = next_out && next_in ? (next_out < next_in ? next_out : next_in) : (next_out | next_in);
        struct pollfd fds[2] = { { prober, POLLIN, 0 }, { office, POLLIN, 0 } };
        struct timespec wait = { 1, 0 };
        if (next) {
            uint64_t left = next > now ? next - now : 0;
            wait.tv_sec = (time_t)(left / 1000000000ull);
            wait.tv_nsec = (long)(left % 1000000000ull);
        }
        if (ppoll(fds, 2, &wait, NULL) < 0 && errno != EINTR) { perror("ppoll"); return 1; }
        if (fds[0].revents & POLLIN) take(prober, &outbound, delay, loss);
        if (fds[1].revents & POLLIN) take(office, &inbound, delay, loss);
    }
    return 0;
}
