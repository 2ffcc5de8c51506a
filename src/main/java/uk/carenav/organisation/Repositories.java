package uk.carenav.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AreaRepository extends JpaRepository<Area, Long> {
}

interface PcnRepository extends JpaRepository<Pcn, Long> {

    @Query("select p from Pcn p join fetch p.area order by p.area.name, p.name")
    List<Pcn> findAllWithArea();
}

interface PracticeRepository extends JpaRepository<Practice, Long> {

    @Query("select p from Practice p join fetch p.pcn c join fetch c.area order by c.name, p.name")
    List<Practice> findAllWithPcn();

    @Query("select p from Practice p join fetch p.pcn c where c.area.id = :areaId order by c.name, p.name")
    List<Practice> findInArea(Long areaId);

    boolean existsByOdsCodeIgnoreCase(String odsCode);
}

interface StaffMemberRepository extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByStaffRefAndIdNot(String staffRef, Long id);

    @Query("select s from StaffMember s left join fetch s.practice p left join fetch p.pcn order by s.username")
    List<StaffMember> findAllWithPractice();

    @Query("""
            select s from StaffMember s join fetch s.practice p join fetch p.pcn
            where p in :practices and :role member of s.roles
            order by p.name, s.displayName""")
    List<StaffMember> findAtPracticesWithRole(Collection<Practice> practices, Role role);


    @Query("""
            select distinct s from StaffMember s join s.supervisedPractices p
            where p.id = :practiceId and :role member of s.roles order by s.displayName""")
    List<StaffMember> findWithRoleSupervisingPractice(Long practiceId, Role role);
}
