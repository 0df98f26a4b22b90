#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wb::core::detail {

class WorkerPool;

/// The repulsive half of the t-SNE gradient by a Barnes–Hut quadtree, evaluated group-wise:
/// points are sorted along a Morton curve, the tree is built over the sorted array, and every
/// group of up to groupSize neighbouring points walks the tree once, collecting an interaction
/// list (cells that look small from anywhere in the group's bounding box — size < θ·distance —
/// and the single points of cells that do not). Each point of the group then sums over the
/// list in blocks of eight lanes, which vectorises. The criterion is checked against the
/// group's box, so it is at least as strict as the per-point Barnes–Hut test with the same θ;
/// θ = 0 gives the exact sums. Results do not depend on the worker count.
class GroupedBarnesHut
{
public:
    explicit GroupedBarnesHut(int groupSize = 32, int leafSize = 8);

    /// rep[2i..2i+1] = Σ_j q_ij² (y_i − y_j) with q_ij = 1/(1 + |y_i − y_j|²) for row-major
    /// y[n][2]; returns Z = Σ_{i≠j} q_ij.
    double compute(const double *y, std::size_t n, double theta, double *rep, WorkerPool &pool);

    /// Mean interaction-list length per group in the last call (cells plus single points).
    double meanListLength() const { return m_meanList; }

private:
    struct Node
    {
        float cx, cy;      // centre of mass
        float extent2;     // squared largest side of the bounding box of its points
        float count;
        std::uint32_t begin, end; // its points: [begin, end) of the sorted order
        std::int32_t child[4];    // -1 where a quadrant is empty; all -1 for a leaf
    };
    struct Group
    {
        std::uint32_t begin, end;
        float x0, y0, x1, y1; // bounding box of its points
    };
    struct List // an interaction list, and the traversal's stack
    {
        std::vector<float> x, y, weight;
        std::vector<int> stack;
    };
    void sortPoints(const double *y, std::size_t n);
    int build(std::uint32_t begin, std::uint32_t end, int level, bool inGroup);
    void collect(const Group &group, float theta2, List &list) const;

    int m_groupSize, m_leafSize;
    std::vector<std::uint32_t> m_order, m_scratch;
    std::vector<std::uint32_t> m_code, m_codeScratch;
    std::vector<float> m_x, m_y; // coordinates in sorted order
    std::vector<Node> m_nodes;
    std::vector<Group> m_groups;
    std::vector<double> m_sums;            // per sorted point: Σ q, Σ q²·dx, Σ q²·dy
    std::vector<std::size_t> m_listLength; // per group
    double m_meanList = 0;
};

} // namespace wb::core::detail
